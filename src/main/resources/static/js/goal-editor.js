// Goal editor: as the form changes, the server checks it as it would be stored and sends back the
// sentence and scale as they would read, with the scale's gaps and overlaps. Nothing is saved.
(function () {
  'use strict';
  var form = document.getElementById('goal-form');
  var preview = document.getElementById('goal-preview');
  if (!form || !preview) { return; }
  var timer = null, pending = null;

  function refresh() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    fetch(form.getAttribute('data-preview'), {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { 'Accept': 'text/html' },
      credentials: 'same-origin',
      signal: pending.signal
    }).then(function (response) {
      return response.ok ? response.text() : Promise.reject(response.status);
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var fresh = doc.querySelector('.goal-preview');
      if (fresh) { preview.replaceChildren(document.importNode(fresh, true)); }
    }).catch(function (error) {
      if (error && error.name === 'AbortError') { return; }
      var p = document.createElement('p');
      p.className = 'preview-error';
      p.textContent = 'Forhåndsvisningen kunne ikke opdateres (' + error + ').';
      preview.replaceChildren(p);
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
})();
