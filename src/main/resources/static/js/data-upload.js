// Data upload: sends the file with a progress bar, then shows the server's answer (stored, or the
// refused rows) in place. Without JavaScript the form posts normally and the same answer is a page.
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  var box = document.getElementById('upload-progress');
  var bar = document.getElementById('upload-bar');
  var label = document.getElementById('upload-label');
  var result = document.getElementById('upload-result');
  if (!form || !box || !bar || !result) { return; }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('Accept', 'text/html');
    box.hidden = false;
    bar.value = 0;
    label.textContent = 'Sender filen …';
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(100 * e.loaded / e.total);
        label.textContent = 'Sender filen: ' + bar.value + ' pct.';
      }
    });
    request.upload.addEventListener('load', function () {
      bar.removeAttribute('value');
      label.textContent = 'Filen er sendt; rækkerne kontrolleres …';
    });
    request.addEventListener('load', function () {
      box.hidden = true;
      var doc = new DOMParser().parseFromString(request.responseText, 'text/html');
      var fresh = doc.getElementById('upload-result') || doc.querySelector('main');
      if (fresh && request.status !== 413) {
        result.replaceChildren.apply(result, Array.prototype.map.call(fresh.childNodes, function (n) { return document.importNode(n, true); }));
      } else {
        var p = document.createElement('p');
        p.className = 'upload-error';
        p.textContent = request.status === 413 ? 'Filen er for stor til én indlæsning. Del den op i flere filer.'
          : 'Indlæsningen fejlede (' + request.status + ').';
        result.replaceChildren(p);
      }
    });
    request.addEventListener('error', function () {
      box.hidden = true;
      var p = document.createElement('p');
      p.className = 'upload-error';
      p.textContent = 'Forbindelsen til serveren blev afbrudt; intet er gemt.';
      result.replaceChildren(p);
    });
    request.send(new FormData(form));
  });
})();
