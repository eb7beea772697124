// Area picker: a text input (a region or grid code can be typed as is) whose datalist is filled,
// as the user types, from a JSON endpoint limited to the user's scope and to 20 choices, so that
// no page lists the national tree. Options are built as DOM nodes with text, never markup.
//   <input name="regionCode" list="regionCode-choices" data-area-url="/territory/areas.json?kind=region">
//   <datalist id="regionCode-choices"></datalist>
(function () {
  'use strict';
  document.querySelectorAll('input[data-area-url]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list) { return; }
    var timer = null;
    var asked = '';
    input.setAttribute('autocomplete', 'off');
    input.addEventListener('input', function () {
      var q = input.value.trim();
      clearTimeout(timer);
      if (!q || q === asked) { return; }
      timer = setTimeout(function () {
        asked = q;
        var url = input.getAttribute('data-area-url');
        url += (url.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(q);
        fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            var options = items.map(function (item) {
              var o = document.createElement('option');
              o.value = item.value;
              o.label = item.label;
              o.textContent = item.label;
              return o;
            });
            list.replaceChildren.apply(list, options);
            input.setAttribute('data-choices', String(options.length));
          });
      }, 200);
    });
  });
})();
