// Receipt-letter editor: loads and saves templates through the API and shows a live preview.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var token = $('token'), organisation = $('organisation'), caseType = $('case-type'), language = $('language');
  var subject = $('subject'), body = $('body'), updatedBy = $('updated-by'), preview = $('preview'), status = $('status');
  token.value = sessionStorage.getItem('klaremaal-token') || '';
  token.addEventListener('change', function () { sessionStorage.setItem('klaremaal-token', token.value); schedule(); });

  var form = $('letter-form');
  var csrfHeader = form.getAttribute('data-csrf-header'), csrf = form.getAttribute('data-csrf');

  // A signed-in person calls the API with their session and its CSRF token; otherwise an API token is needed.
  function api(method, path, data, accept) {
    var headers = { 'Accept': accept || 'application/json, application/problem+json' };
    if (data !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (token.value) { headers['Authorization'] = 'Bearer ' + token.value; } else if (csrf) { headers[csrfHeader] = csrf; }
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin',
      body: data === undefined ? undefined : JSON.stringify(data) });
  }

  function options(select, items, value, label) {
    select.replaceChildren();
    items.forEach(function (item) {
      var o = document.createElement('option');
      o.value = value(item);
      o.textContent = label(item);
      select.appendChild(o);
    });
  }

  function base() {
    return '/api/v1/organisations/' + encodeURIComponent(organisation.value) + '/case-types/' + encodeURIComponent(caseType.value)
      + '/letter-templates';
  }

  function showErrors(problem) {
    $('subject-error').textContent = '';
    $('body-error').textContent = '';
    (problem && problem.errors ? problem.errors : []).forEach(function (e) {
      var el = $(e.field + '-error');
      if (el) { el.textContent += (el.textContent ? ' ' : '') + e.reason; } else { status.textContent = e.field + ': ' + e.reason; }
    });
  }

  // Whether the chosen case type has an expected time: without one no letter can promise a date, and the editor says so.
  var expectedUnknown = $('expected-unknown');
  var unknownExpectedTime = false;
  function checkExpectedTime() {
    unknownExpectedTime = false;
    expectedUnknown.hidden = true;
    if (!caseType.value) { return; }
    var path = '/api/v1/organisations/' + encodeURIComponent(organisation.value) + '/case-types/' + encodeURIComponent(caseType.value)
      + '/expected-time';
    fetch(path, { headers: { 'Accept': 'application/json' } }).then(function (r) { return r.ok ? r.json() : null; }).then(function (e) {
      unknownExpectedTime = !!e && e.days === null;
      expectedUnknown.hidden = !unknownExpectedTime;
    });
  }

  function loadTemplate() {
    if (!caseType.value) { return; }
    checkExpectedTime();
    fetch(base(), { headers: { 'Accept': 'application/json' } }).then(function (r) { return r.json(); }).then(function (templates) {
      var t = templates.filter(function (x) { return x.language === language.value; })[0];
      subject.value = t ? t.subject : '';
      body.value = t ? t.body : '';
      status.textContent = t ? 'Senest gemt af ' + t.updatedBy + '.' : 'Der er ingen skabelon på dette sprog endnu.';
      schedule();
    });
  }

  function loadCaseTypes() {
    fetch('/api/v1/organisations/' + encodeURIComponent(organisation.value) + '/case-types').then(function (r) { return r.json(); })
      .then(function (types) {
        options(caseType, types, function (t) { return t.code; }, function (t) { return t.name; });
        loadTemplate();
      });
  }

  var timer = null;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(renderPreview, 300);
  }

  function renderPreview() {
    if (!caseType.value || !subject.value.trim() || !body.value.trim()) { return; }
    if (!token.value && !csrf) { preview.textContent = 'Log ind eller indtast API-nøglen for at se forhåndsvisningen.'; return; }
    api('POST', base() + '/' + language.value + '/preview', { subject: subject.value, body: body.value },
        'text/html, application/problem+json, application/json')
      .then(function (response) {
        if (response.ok) {
          return response.text().then(function (html) {
            showErrors(null);
            var letter = new DOMParser().parseFromString(html, 'text/html');
            var nodes = document.createDocumentFragment();
            Array.prototype.forEach.call(letter.body.childNodes, function (n) { nodes.appendChild(document.importNode(n, true)); });
            preview.replaceChildren(nodes);
          });
        }
        if (response.status === 401 || response.status === 403) { preview.textContent = 'Du har ikke adgang til at skrive breve for denne myndighed.'; return null; }
        return response.json().then(showErrors);
      });
  }

  $('letter-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if (unknownExpectedTime && !window.confirm(expectedUnknown.getAttribute('data-confirm'))) { return; }
    api('PUT', base() + '/' + language.value, { subject: subject.value, body: body.value, updatedBy: updatedBy.value })
      .then(function (response) {
        if (response.ok) { status.textContent = 'Skabelonen er gemt.'; showErrors(null); return null; }
        if (response.status === 401 || response.status === 403) { status.textContent = 'Du har ikke adgang til at skrive breve for denne myndighed.'; return null; }
        status.textContent = 'Skabelonen blev ikke gemt.';
        return response.json().then(showErrors);
      });
  });

  [subject, body].forEach(function (el) { el.addEventListener('input', schedule); });
  organisation.addEventListener('change', loadCaseTypes);
  caseType.addEventListener('change', loadTemplate);
  language.addEventListener('change', loadTemplate);

  fetch('/api/v1/organisations').then(function (r) { return r.json(); }).then(function (orgs) {
    orgs.sort(function (a, b) { return a.name.localeCompare(b.name, 'da'); });
    options(organisation, orgs, function (o) { return o.slug; }, function (o) { return o.name; });
    var wanted = new URLSearchParams(location.search).get('organisation');
    if (wanted) { organisation.value = wanted; }
    loadCaseTypes();
  });
}());
