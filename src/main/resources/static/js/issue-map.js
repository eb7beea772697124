// Issue map: on the report form a tap (or the GPS button) sets the location and looks for
// possible duplicates nearby; on the issue page it shows the point. Works without
// tiles: the map is then a plain background with the marker.
(function () {
  'use strict';
  var el = document.getElementById('issue-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  var readonly = el.getAttribute('data-readonly') === 'true';
  var lon = parseFloat(el.getAttribute('data-lon') || el.getAttribute('data-center-lon'));
  var lat = parseFloat(el.getAttribute('data-lat') || el.getAttribute('data-center-lat'));
  var lonInput = document.getElementById('longitude');
  var latInput = document.getElementById('latitude');
  if (!readonly && lonInput && lonInput.value && latInput.value) {
    lon = parseFloat(lonInput.value);
    lat = parseFloat(latInput.value);
  }
  var map = L.map(el).setView([lat, lon], readonly ? 15 : 13);
  var tiles = el.getAttribute('data-tile-url');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
  }
  // The grid outlines around the point, labelled (as text) with their names: without tiles the
  // map is otherwise a blank square. Not interactive, so a tap still sets the location.
  var gridsUrl = el.getAttribute('data-grids-url');
  var loadedAround = null;
  function drawGrids(la, lo) {
    if (!gridsUrl || !window.GridworkMap || (loadedAround && loadedAround.contains([la, lo]))) { return; }
    var radius = readonly ? 0.01 : 0.03;
    loadedAround = L.latLngBounds([la - radius / 2, lo - radius / 2], [la + radius / 2, lo + radius / 2]);
    fetch(gridsUrl + '?lon=' + encodeURIComponent(lo) + '&lat=' + encodeURIComponent(la) + '&radius=' + radius,
        { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then(function (r) { return r.json(); })
      .then(function (geojson) {
        if (grids) { map.removeLayer(grids); }
        grids = window.GridworkMap.gridLayer(map, geojson, null, { fillOpacity: 0.08, clickable: false, interactive: false });
        grids.bringToBack();
        window.GridworkMap.toggleLabels(map, grids);
        el.setAttribute('data-grid-count', String((geojson.features || []).length));
      })
      .catch(function () { el.setAttribute('data-grid-count', 'error'); });
  }
  var grids = null;
  var marker = null;
  function place(la, lo) {
    if (marker) {
      marker.setLatLng([la, lo]);
    } else {
      marker = L.circleMarker([la, lo], { radius: 9, color: '#c0392b', weight: 3 }).addTo(map);
    }
  }
  drawGrids(lat, lon);
  if (readonly) {
    place(lat, lon);
    return;
  }
  if (lonInput && lonInput.value) {
    place(lat, lon);
  }
  var category = document.getElementById('categoryId');
  var nearby = document.getElementById('issue-nearby');
  function lookForDuplicates() {
    if (!nearby || !category || !category.value || !lonInput.value || !latInput.value) {
      return;
    }
    var url = nearby.getAttribute('data-url') + '?categoryId=' + encodeURIComponent(category.value)
      + '&longitude=' + encodeURIComponent(lonInput.value) + '&latitude=' + encodeURIComponent(latInput.value);
    fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.text(); })
      .then(function (html) { nearby.innerHTML = html; });
  }
  function set(la, lo) {
    latInput.value = la.toFixed(6);
    lonInput.value = lo.toFixed(6);
    place(la, lo);
    drawGrids(la, lo);
    lookForDuplicates();
  }
  map.on('click', function (e) { set(e.latlng.lat, e.latlng.lng); });
  if (category) {
    category.addEventListener('change', lookForDuplicates);
  }
  [lonInput, latInput].forEach(function (i) { i.addEventListener('change', function () {
    if (lonInput.value && latInput.value) {
      place(parseFloat(latInput.value), parseFloat(lonInput.value));
      if (!map.getBounds().contains([parseFloat(latInput.value), parseFloat(lonInput.value)])) {
        map.setView([parseFloat(latInput.value), parseFloat(lonInput.value)], 15);
      }
      drawGrids(parseFloat(latInput.value), parseFloat(lonInput.value));
      lookForDuplicates();
    }
  }); });
  if (window.GridworkGps) {
    window.GridworkGps.bind('issue-gps', function (la, lo) {
      set(la, lo);
      map.setView([la, lo], 16);
    });
  }
})();
