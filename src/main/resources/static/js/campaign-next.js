// "Next household": the walking list reloads ordered by distance from the phone's position.
(function () {
  'use strict';
  var button = document.getElementById('use-location');
  if (!button || !navigator.geolocation) { return; }
  button.addEventListener('click', function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (p) {
      var url = button.getAttribute('data-url');
      window.location.href = url + (url.indexOf('?') < 0 ? '?' : '&') + 'longitude=' +
        encodeURIComponent(p.coords.longitude.toFixed(6)) + '&latitude=' + encodeURIComponent(p.coords.latitude.toFixed(6));
    }, function () {
      button.disabled = false;
      button.textContent = button.getAttribute('data-failed');
    }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  });
})();
