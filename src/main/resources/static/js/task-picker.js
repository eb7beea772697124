// Search pickers of the task form (more grids or staff than checkboxes can show): the area
// picker fills the datalist as the user types; choosing a suggestion adds it to the chosen list
// (a chip with a remove button) and to the comma-separated field the server reads. Without
// JavaScript that field stays visible and takes grid codes or usernames typed by hand.
(function () {
  'use strict';
  document.querySelectorAll('.task-picker').forEach(function (picker) {
    var search = picker.querySelector('.task-picker-search');
    var values = picker.querySelector('.task-picker-values');
    var chosen = picker.querySelector('.task-picker-chosen');
    var list = document.getElementById(search.getAttribute('list'));
    if (!search || !values || !chosen || !list) { return; }
    values.classList.add('visually-hidden');
    var valuesLabel = picker.querySelector('.task-picker-values-label');
    if (valuesLabel) { valuesLabel.classList.add('visually-hidden'); }
    function current() {
      return values.value.split(/[,，;；\s]+/).filter(function (v) { return v; });
    }
    function chip(value, label) {
      var li = document.createElement('li');
      li.className = 'badge text-bg-light border d-flex align-items-center gap-1 task-picker-chip';
      li.setAttribute('data-value', value);
      var text = document.createElement('span');
      text.textContent = label;
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'btn-close btn-sm';
      remove.setAttribute('aria-label', '×');
      remove.addEventListener('click', function () {
        values.value = current().filter(function (v) { return v !== value; }).join(',');
        li.remove();
      });
      li.appendChild(text);
      li.appendChild(remove);
      chosen.appendChild(li);
    }
    current().forEach(function (v) { chip(v, v); });
    function pick() {
      var v = search.value.trim();
      var option = Array.prototype.find.call(list.options, function (o) { return o.value === v; });
      if (!option) { return; }
      if (current().indexOf(v) < 0) {
        values.value = current().concat([v]).join(',');
        chip(v, option.label || option.textContent || v);
      }
      search.value = '';
    }
    search.addEventListener('change', pick);
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); pick(); }
    });
  });
})();
