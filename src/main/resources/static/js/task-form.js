// New task form: shows only the assignee picker of the chosen mode. Without JavaScript all
// pickers stay visible and the server uses the one that matches the chosen mode.
(function () {
  'use strict';
  var radios = document.querySelectorAll('.task-mode');
  var panels = document.querySelectorAll('.task-mode-panel');
  function update() {
    var chosen = document.querySelector('.task-mode:checked');
    panels.forEach(function (panel) {
      panel.classList.toggle('d-none', !chosen || panel.getAttribute('data-mode') !== chosen.value);
    });
  }
  radios.forEach(function (r) { r.addEventListener('change', update); });
  update();
})();
