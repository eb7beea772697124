// The "use my position" button of the map forms (the issue report, placing an address-only
// issue, the residents' report): one place asks the browser for the phone's position and hides
// the button where there is no geolocation. The caller sets the point and moves its map.
(function () {
  'use strict';
  window.GridworkGps = {
    bind: function (buttonId, onPosition) {
      var button = document.getElementById(buttonId);
      if (!button) {
        return;
      }
      if (!navigator.geolocation) {
        button.classList.add('d-none');
        return;
      }
      button.addEventListener('click', function () {
        button.disabled = true;
        navigator.geolocation.getCurrentPosition(function (p) {
          button.disabled = false;
          onPosition(p.coords.latitude, p.coords.longitude);
        }, function () {
          button.disabled = false;
        }, { enableHighAccuracy: true, timeout: 15000 });
      });
    }
  };
})();
