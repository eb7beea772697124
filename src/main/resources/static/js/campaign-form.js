// Campaign form: a question with "skip unless" shows only while the earlier answer holds (the
// server drops the answers of skipped questions anyway); the phone's position goes with the answers.
(function () {
  'use strict';
  var form = document.getElementById('answer-form');
  if (!form) { return; }
  var questions = Array.prototype.slice.call(form.querySelectorAll('.campaign-question[data-show-if]'))
    .filter(function (q) { return q.getAttribute('data-show-if'); });
  function answered(code) {
    var values = [];
    form.querySelectorAll('input[name="a.' + code + '"]').forEach(function (input) {
      if ((input.type === 'radio' || input.type === 'checkbox') ? input.checked : input.value) { values.push(input.value); }
    });
    return values;
  }
  function update() {
    questions.forEach(function (q) {
      var wanted = (q.getAttribute('data-show-values') || '').split(',');
      var on = document.querySelector('.campaign-question[data-code="' + q.getAttribute('data-show-if') + '"]');
      var visible = (!on || !on.classList.contains('d-none')) &&
        answered(q.getAttribute('data-show-if')).some(function (v) { return wanted.indexOf(v) >= 0; });
      q.classList.toggle('d-none', !visible);
    });
  }
  form.addEventListener('change', update);
  update();
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(function (p) {
      document.getElementById('longitude').value = p.coords.longitude.toFixed(6);
      document.getElementById('latitude').value = p.coords.latitude.toFixed(6);
    }, function () { /* no position: the household's own point is used */ }, { timeout: 10000, maximumAge: 60000 });
  }
  // one tap records once: the token guards the server, this spares a second request
  form.addEventListener('submit', function () {
    setTimeout(function () { form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = true; }); }, 0);
  });
})();
