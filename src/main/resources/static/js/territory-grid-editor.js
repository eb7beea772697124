// Boundary editor: click the map to add vertices, drag them to move, undo or clear. The polygon
// goes as GeoJSON into the form's "boundary" field, which the server checks (JTS) on save.
// Clicks near a neighbouring grid's vertex snap onto it, so shared edges match exactly.
(function () {
  'use strict';

  var element = document.getElementById('grid-editor');
  if (!element || !window.GridworkMap) {
    return;
  }
  var field = document.getElementById('boundary');
  var status = document.getElementById('editor-status');
  var map = window.GridworkMap.create(element);
  var vertices = [];          // [lat, lng] without the closing point
  var handles = [];
  var shape = null;
  var fixed = null;           // a boundary the editor cannot edit (holes, several parts), shown as is
  var snapTargets = [];
  var SNAP_PIXELS = 12;

  function round(x) { return Math.round(x * 1e6) / 1e6; }

  function write() {
    if (vertices.length >= 3) {
      var ring = vertices.map(function (v) { return [round(v[1]), round(v[0])]; });
      ring.push(ring[0]);
      field.value = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
    } else if (!fixed) {
      field.value = '';
    }
    element.setAttribute('data-vertices', String(vertices.length));
    if (status) {
      status.textContent = (status.getAttribute('data-points') || '{0}').replace('{0}', vertices.length);
    }
  }

  function draw() {
    if (shape) { map.removeLayer(shape); }
    handles.forEach(function (h) { map.removeLayer(h); });
    handles = [];
    shape = vertices.length >= 3 ? L.polygon(vertices, { color: '#0d6efd', weight: 3, fillOpacity: 0.2 })
      : L.polyline(vertices, { color: '#0d6efd', weight: 3 });
    shape.addTo(map);
    vertices.forEach(function (v, i) {
      var handle = L.marker(v, {
        draggable: true,
        keyboard: false,
        icon: L.divIcon({ className: 'territory-vertex' + (i === 0 ? ' territory-vertex-first' : ''), iconSize: [14, 14] })
      }).addTo(map);
      handle.on('drag', function (e) {
        var p = e.target.getLatLng();
        vertices[i] = [p.lat, p.lng];
        shape.setLatLngs(vertices);
      });
      handle.on('dragend', function (e) {
        var p = snap(e.target.getLatLng());
        vertices[i] = [p.lat, p.lng];
        draw();
      });
      handles.push(handle);
    });
    write();
  }

  function snap(latlng) {
    var point = map.latLngToContainerPoint(latlng);
    var best = null;
    var bestDistance = SNAP_PIXELS;
    snapTargets.forEach(function (t) {
      var d = map.latLngToContainerPoint(t).distanceTo(point);
      if (d < bestDistance) { best = t; bestDistance = d; }
    });
    return best || latlng;
  }

  function collectVertices(geometry) {
    var polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    polygons.forEach(function (rings) {
      rings.forEach(function (ring) {
        ring.forEach(function (c) { snapTargets.push(L.latLng(c[1], c[0])); });
      });
    });
  }

  function readField() {
    if (fixed) { map.removeLayer(fixed); fixed = null; }
    vertices = [];
    var text = field.value.trim();
    if (!text) { return; }
    var geometry;
    try { geometry = JSON.parse(text); } catch (e) { return; }
    if (geometry && geometry.type === 'Feature') { geometry = geometry.geometry; }
    if (geometry && geometry.type === 'Polygon' && geometry.coordinates.length === 1) {
      var ring = geometry.coordinates[0].slice(0, -1);
      vertices = ring.map(function (c) { return [c[1], c[0]]; });
    } else if (geometry && geometry.type) {
      fixed = L.geoJSON(geometry, { style: { color: '#0d6efd', weight: 2, dashArray: '4', fillOpacity: 0.1 } }).addTo(map);
      if (status) { status.textContent = status.getAttribute('data-complex') || ''; }
    }
  }

  map.on('click', function (e) {
    if (fixed) { map.removeLayer(fixed); fixed = null; }
    var p = snap(e.latlng);
    vertices.push([p.lat, p.lng]);
    draw();
  });
  document.getElementById('editor-undo').addEventListener('click', function () {
    vertices.pop();
    draw();
  });
  document.getElementById('editor-clear').addEventListener('click', function () {
    vertices = [];
    if (fixed) { map.removeLayer(fixed); fixed = null; }
    draw();
  });
  field.addEventListener('change', function () {
    readField();
    draw();
  });

  var all = L.featureGroup().addTo(map);
  Promise.all([
    fetch(element.getAttribute('data-neighbours-url')).then(function (r) { return r.json(); }),
    fetch(element.getAttribute('data-village-url')).then(function (r) { return r.json(); })
  ]).then(function (results) {
    var neighbours = results[0];
    var village = results[1];
    if (village) {
      L.geoJSON(village, { style: { color: '#6c757d', weight: 2, dashArray: '6 4', fill: false }, interactive: false }).addTo(all);
      collectVertices(village);
    }
    // the village's own grids greyed; other villages' grids (any town) orange and dashed
    var own = element.getAttribute('data-village-code');
    var split = function (mine) {
      return { type: 'FeatureCollection', features: (neighbours.features || []).filter(function (f) {
        return ((f.properties || {}).villageCode === own) === mine;
      }) };
    };
    all.addLayer(window.GridworkMap.gridLayer(map, split(true), null, { colour: '#6c757d', fillOpacity: 0.15, clickable: false }));
    var others = window.GridworkMap.gridLayer(map, split(false), null,
      { colour: '#fd7e14', fillOpacity: 0.1, clickable: false, dashArray: '5 4' });
    all.addLayer(others);
    element.setAttribute('data-other-villages', String(others.getLayers().length));
    (neighbours.features || []).forEach(function (f) { if (f.geometry) { collectVertices(f.geometry); } });
  }).finally(function () {
    readField();
    draw();
    var bounds = shape && vertices.length ? shape.getBounds() : fixed ? fixed.getBounds() : all.getBounds();
    if (bounds && bounds.isValid()) {
      map.fitBounds(bounds.pad(0.3));
    }
    element.setAttribute('data-ready', 'true');
  });
})();
