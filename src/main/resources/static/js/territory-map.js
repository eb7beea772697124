// Reusable grid map (Leaflet): draws the grids of a GeoJSON FeatureCollection, labelled and
// coloured by village, each clickable to its grid card. Any module can use it:
//   <div class="territory-map" data-geojson-url="/territory/map/grids.json?region=42"
//        data-tile-url="..." data-attribution="..." data-grid-link="/territory/grids/ID"></div>
//   <script src="/webjars/leaflet/dist/leaflet.js"></script><script src="/js/territory-map.js"></script>
// Elements with data-geojson-url are filled on load; window.GridworkMap.create(element) gives a bare
// map (same tiles) for own layers. Without tiles (offline) the grids draw on a plain background.
(function () {
  'use strict';

  var PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4',
    '#b2df8a', '#fb9a99', '#cab2d6', '#6a3d9a'];
  var DEFAULT_CENTER = [37.58, 115.08];

  function colour(key) {
    var h = 0;
    for (var i = 0; i < (key || '').length; i++) {
      h = (h * 31 + key.charCodeAt(i)) >>> 0;
    }
    return PALETTE[h % PALETTE.length];
  }

  // Leaflet takes a string given to bindTooltip/bindPopup/divIcon as HTML: names (typed by
  // admins, imported from files) must go in as a text node, never as markup.
  function text(value, className) {
    var span = document.createElement('span');
    if (className) { span.className = className; }
    span.textContent = value == null ? '' : String(value);
    return span;
  }

  function create(element) {
    var map = L.map(element, { zoomSnap: 0.25 }).setView(DEFAULT_CENTER, 12);
    var tiles = element.getAttribute('data-tile-url');
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
    }
    return map;
  }

  function gridLayer(map, geojson, element, options) {
    options = options || {};
    var link = element && element.getAttribute('data-grid-link');
    var layer = L.geoJSON(geojson, {
      interactive: options.interactive !== false,
      style: function (feature) {
        var c = options.colour || colour(feature.properties && feature.properties.villageCode);
        return { color: c, weight: 2, fillColor: c, fillOpacity: options.fillOpacity != null ? options.fillOpacity : 0.25,
          dashArray: options.dashArray || null };
      },
      onEachFeature: function (feature, l) {
        var p = feature.properties || {};
        if (options.labels !== false && p.code) {
          l.bindTooltip(text(p.name || p.code), { permanent: true, direction: 'center', className: 'territory-label' });
        }
        if (link && p.id != null && options.clickable !== false) {
          l.on('click', function () { window.location.href = link.replace('ID', p.id); });
        }
      }
    }).addTo(map);
    return layer;
  }

  // Labels only where the grid is wide enough on screen to hold them; otherwise they pile up.
  function toggleLabels(map, layer) {
    function update() {
      if (!map.hasLayer(layer)) { return; }
      layer.eachLayer(function (l) {
        if (!l.getTooltip || !l.getTooltip() || !l.getBounds) { return; }
        var b = l.getBounds();
        var width = map.latLngToContainerPoint(b.getNorthEast()).x - map.latLngToContainerPoint(b.getSouthWest()).x;
        if (width >= 48) { l.openTooltip(); } else { l.closeTooltip(); }
      });
    }
    map.on('zoomend', update);
    update();
  }

  // The villages' colours, named: without tiles the map is otherwise a puzzle of coloured shapes.
  function legend(map, geojson) {
    var villages = [];
    var seen = {};
    (geojson.features || []).forEach(function (f) {
      var p = f.properties || {};
      if (p.villageCode && !seen[p.villageCode]) {
        seen[p.villageCode] = true;
        villages.push({ code: p.villageCode, name: p.villageName || p.villageCode });
      }
    });
    if (!villages.length) { return null; }
    villages.sort(function (a, b) { return a.code < b.code ? -1 : 1; });
    var control = L.control({ position: 'bottomright' });
    control.onAdd = function () {
      var div = L.DomUtil.create('div', 'territory-legend bg-white border rounded px-2 py-1 small');
      villages.forEach(function (v) {
        var row = document.createElement('div');
        row.className = 'territory-legend-row';
        var box = document.createElement('span');
        box.className = 'territory-legend-swatch';
        box.style.backgroundColor = colour(v.code);
        row.appendChild(box);
        row.appendChild(document.createTextNode(' ' + v.name));
        div.appendChild(row);
      });
      return div;
    };
    control.addTo(map);
    return control;
  }

  function fit(map, layer) {
    var bounds = layer.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [16, 16] });
    }
  }

  function load(element) {
    var map = create(element);
    fetch(element.getAttribute('data-geojson-url'), { headers: { Accept: 'application/geo+json' } })
      .then(function (r) { return r.json(); })
      .then(function (geojson) {
        var layer = gridLayer(map, geojson, element);
        fit(map, layer);
        toggleLabels(map, layer);
        legend(map, geojson);
        element.setAttribute('data-grid-count', String((geojson.features || []).length));
        if (!(geojson.features || []).length && element.getAttribute('data-empty')) {
          var note = L.control({ position: 'topright' });
          note.onAdd = function () {
            var div = L.DomUtil.create('div', 'bg-white border rounded px-2 small');
            div.textContent = element.getAttribute('data-empty');
            return div;
          };
          note.addTo(map);
        }
      });
    return map;
  }

  window.GridworkMap = { text: text, legend: legend, create: create, gridLayer: gridLayer, fit: fit, toggleLabels: toggleLabels, colour: colour };

  document.querySelectorAll('.territory-map[data-geojson-url]').forEach(load);
})();
