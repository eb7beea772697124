// Residents' reporting map: grid outlines (what one finds one's place by when no tiles load),
// a tap or the phone's GPS sets the point. Names go in as text, never as markup.
(function () {
  'use strict';
  var el = document.getElementById('public-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  var lonInput = document.getElementById('longitude');
  var latInput = document.getElementById('latitude');
  var map = L.map(el).setView([37.57, 115.05], 13);
  var tiles = el.getAttribute('data-tile-url');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
  }
  var marker = null;
  function place(la, lo) {
    if (marker) {
      marker.setLatLng([la, lo]);
    } else {
      marker = L.circleMarker([la, lo], { radius: 9, color: '#c0392b', weight: 3 }).addTo(map);
    }
  }
  function set(la, lo) {
    latInput.value = la.toFixed(6);
    lonInput.value = lo.toFixed(6);
    place(la, lo);
  }
  fetch(el.getAttribute('data-outlines'), { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (geojson) {
      var layer = L.geoJSON(geojson, {
        style: { color: '#1d4e89', weight: 1, fillOpacity: 0.06 },
        onEachFeature: function (feature, shape) {
          var label = document.createElement('span');
          label.textContent = feature.properties.name || feature.properties.code;
          shape.bindTooltip(label, { sticky: true });
          // a tap inside a grid sets the point (the polygon would otherwise swallow the click)
          shape.on('click', function (e) { set(e.latlng.lat, e.latlng.lng); });
        }
      }).addTo(map);
      if (layer.getBounds().isValid()) {
        map.fitBounds(layer.getBounds());
      }
      if (lonInput.value && latInput.value) {
        place(parseFloat(latInput.value), parseFloat(lonInput.value));
      }
      el.setAttribute('data-ready', 'true');
    });
  map.on('click', function (e) { set(e.latlng.lat, e.latlng.lng); });
  [lonInput, latInput].forEach(function (i) {
    i.addEventListener('change', function () {
      if (lonInput.value && latInput.value) { place(parseFloat(latInput.value), parseFloat(lonInput.value)); }
    });
  });
  if (window.GridworkGps) {
    window.GridworkGps.bind('public-gps', function (la, lo) {
      set(la, lo);
      map.setView([la, lo], 16);
    });
  }
})();
