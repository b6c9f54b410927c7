// Screen mode: fetch the rows again every data-interval seconds and update the table in place.
(function () {
  'use strict';
  var main = document.querySelector('.screen-main');
  if (!main) { return; }
  var source = main.getAttribute('data-source');
  var interval = Math.max(1, parseInt(main.getAttribute('data-interval'), 10) || 60) * 1000;

  function text(tag, className, value) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    el.textContent = value == null ? '' : value;
    return el;
  }

  function row(r) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-case-type', r.caseType);
    var name = text('th', 'screen-name', r.name);
    name.setAttribute('scope', 'row');
    tr.appendChild(name);
    var expected = document.createElement('td');
    expected.className = 'screen-expected';
    expected.setAttribute('data-basis', r.expectedBasis || '');
    expected.appendChild(text('span', 'screen-days', r.expected));
    expected.appendChild(document.createTextNode(' '));
    expected.appendChild(text('span', 'screen-note', r.expectedNote));
    tr.appendChild(expected);
    var status = document.createElement('td');
    status.className = 'screen-status' + (r.provisional ? ' screen-provisional' : '');
    var badge = text('span', 'status ' + r.statusClass, '');
    var symbol = text('span', 'status__symbol', r.statusSymbol);
    symbol.setAttribute('aria-hidden', 'true');
    badge.appendChild(symbol);
    badge.appendChild(document.createTextNode(' '));
    badge.appendChild(text('span', 'status__text', r.statusText));
    status.appendChild(badge);
    status.appendChild(document.createTextNode(' '));
    status.appendChild(text('span', 'screen-note screen-latest', r.latest));
    if (r.target) {
      status.appendChild(document.createTextNode(' '));
      status.appendChild(text('span', 'screen-note screen-target', r.target));
    }
    tr.appendChild(status);
    return tr;
  }

  function refresh() {
    fetch(source, { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (screen) {
        var body = document.getElementById('screen-rows');
        var rows = document.createDocumentFragment();
        screen.rows.forEach(function (r) { rows.appendChild(row(r)); });
        body.replaceChildren(rows);
        document.getElementById('screen-updated').textContent = screen.updatedAt;
        main.classList.remove('screen-stale');
      })
      .catch(function () { main.classList.add('screen-stale'); })
      .then(function () { setTimeout(refresh, interval); });
  }
  setTimeout(refresh, interval);
}());
