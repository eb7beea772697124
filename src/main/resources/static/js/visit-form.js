// Visit form: records the browser's GPS position into hidden fields, when the user allows it.
(function () {
  'use strict';
  var form = document.getElementById('visit-form');
  var status = document.getElementById('gps-status');
  if (!form || !status || !navigator.geolocation) {
    return;
  }
  status.textContent = status.getAttribute('data-locating');
  navigator.geolocation.getCurrentPosition(function (pos) {
    document.getElementById('gps-lon').value = pos.coords.longitude.toFixed(6);
    document.getElementById('gps-lat').value = pos.coords.latitude.toFixed(6);
    document.getElementById('gps-acc').value = Math.round(pos.coords.accuracy);
    status.textContent = status.getAttribute('data-found')
      .replace('{0}', pos.coords.longitude.toFixed(5))
      .replace('{1}', pos.coords.latitude.toFixed(5))
      .replace('{2}', Math.round(pos.coords.accuracy));
  }, function () {
    status.textContent = status.getAttribute('data-none');
  }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
})();
