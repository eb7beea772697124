// Site-wide behaviour, loaded on every page. No inline scripts (CSP script-src 'self').
(function () {
  'use strict';

  // htmx requests carry the CSRF token from the layout's meta tags.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Forms marked data-confirm ask before submitting (delete, archive, close, ...).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    // A double click submits once: disable the buttons after the first submit.
    if (form.getAttribute('data-submitted') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitted', 'true');
    form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.classList.add('disabled'); });
  });

  // Area filters (town -> village -> grid): choosing a level clears the levels below it and
  // reloads the list, so that the next select offers only what lies in the chosen area.
  document.addEventListener('change', function (event) {
    var select = event.target.closest('select[data-cascade]');
    if (!select || !select.form) {
      return;
    }
    select.getAttribute('data-cascade').split(' ').forEach(function (name) {
      var below = select.form.elements[name];
      if (below) {
        below.value = '';
      }
    });
    select.form.requestSubmit();
  });

  // Elements with data-href navigate on click (table rows).
  document.addEventListener('click', function (event) {
    var row = event.target.closest('[data-href]');
    if (row && !event.target.closest('a, button, input, select, textarea, label')) {
      window.location.href = row.getAttribute('data-href');
    }
  });
  // Buttons marked data-copy copy the value of the field they name (a new API key shown once).
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var field = document.querySelector(button.getAttribute('data-copy'));
    if (!field) {
      return;
    }
    var done = function () {
      var label = button.querySelector('span');
      if (label && button.getAttribute('data-copied')) {
        label.textContent = button.getAttribute('data-copied');
      }
    };
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        if (document.execCommand('copy')) { done(); }
      });
    } else if (document.execCommand('copy')) {
      done();
    }
  });
})();
