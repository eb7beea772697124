// Dashboard: draws the Chart.js charts from their data-chart JSON and the Leaflet map of grids
// coloured by the chosen figure, with open issues as markers (grouped per grid by the server
// when there are many). No inline script: everything comes from data-* attributes and JSON.
(function () {
  'use strict';
  var palette = ['#0b5f8a', '#b02a37', '#e0a800', '#198754', '#6f42c1', '#fd7e14', '#20c997', '#6c757d'];

  document.querySelectorAll('canvas.dashboard-chart').forEach(function (canvas) {
    if (typeof Chart === 'undefined') { return; }
    var config = JSON.parse(canvas.getAttribute('data-chart'));
    config.data.datasets.forEach(function (set, i) {
      if (config.type === 'doughnut') {
        set.backgroundColor = palette;
      } else {
        set.backgroundColor = palette[i % palette.length];
        set.borderColor = palette[i % palette.length];
      }
    });
    config.options = { responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } } };
    if (config.type !== 'doughnut') {
      config.options.scales = { y: { beginAtZero: true, ticks: { precision: 0 } } };
    }
    new Chart(canvas, config);
  });

  var mapEl = document.getElementById('dashboard-map');
  if (!mapEl || typeof L === 'undefined') { return; }
  var map = L.map(mapEl);
  var tiles = mapEl.getAttribute('data-tile-url');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: mapEl.getAttribute('data-attribution') }).addTo(map);
  }
  var colours = ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'];
  fetch(mapEl.getAttribute('data-url'), { headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var values = data.features.map(function (f) { return f.properties.value || 0; });
      var max = Math.max.apply(null, values.concat([0]));
      function colour(v) {
        if (!v || max === 0) { return colours[0]; }
        return colours[Math.min(4, Math.ceil(4 * v / max))];
      }
      var layer = L.geoJSON(data, {
        style: function (f) {
          return { color: '#084766', weight: 1, fillOpacity: 0.7, fillColor: colour(f.properties.value) };
        },
        onEachFeature: function (f, l) {
          var value = f.properties.value === null ? '—' : f.properties.value;
          // names as text, never markup (a grid or village name may hold '<')
          var label = document.createElement('span');
          label.textContent = f.properties.name + ' (' + f.properties.code + '): ' + value;
          l.bindTooltip(label);
          l.on('click', function () { window.location.href = f.properties.url; });
        }
      }).addTo(map);
      data.markers.forEach(function (m) {
        var count = document.createElement('span');
        count.textContent = String(m.count);
        var icon = L.divIcon({ className: 'dashboard-marker', html: count, iconSize: [28, 28] });
        var marker = L.marker([m.lat, m.lng], { icon: icon, title: m.title }).addTo(map);
        marker.on('click', function () { window.location.href = m.url; });
      });
      if (layer.getLayers().length) {
        map.fitBounds(layer.getBounds());
      } else {
        map.setView([37.6, 115.1], 10);
      }
      var legend = L.control({ position: 'bottomright' });
      legend.onAdd = function () {
        var div = L.DomUtil.create('div', 'dashboard-legend');
        div.textContent = mapEl.getAttribute('data-legend-low') + ' ';
        for (var i = 0; i < 5; i++) {
          var box = document.createElement('i');
          box.className = 'legend-' + i;
          div.appendChild(box);
        }
        div.appendChild(document.createTextNode(' ' + mapEl.getAttribute('data-legend-high') + ' ' + max));
        return div;
      };
      legend.addTo(map);
      mapEl.setAttribute('data-loaded', String(data.features.length));
    })
    .catch(function () { mapEl.setAttribute('data-loaded', 'error'); });
})();
