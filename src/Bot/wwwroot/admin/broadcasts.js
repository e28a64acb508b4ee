// Live delivery progress on a broadcast's page: asks the page for its counts every two seconds and writes them in;
// when nothing is left to send, reloads so the server renders the final delivery report. Without JavaScript the page
// refreshes itself (meta refresh) and has a Refresh link.
(function () {
  var section = document.getElementById('delivery');
  var url = section && section.getAttribute('data-progress-url');
  if (!url) return;
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
  function show(progress) {
    Object.keys(progress).forEach(function (name) {
      var cell = section.querySelector('[data-count="' + name + '"]');
      if (cell) cell.textContent = format.format(progress[name]);
    });
    var status = document.getElementById('progress-status');
    if (status) status.textContent = progress.progressText;
    var phase = document.getElementById('phase');
    if (phase) phase.textContent = progress.phaseText;
    var bar = document.getElementById('progress-bar');
    if (bar) {
      bar.max = Math.max(progress.queued + progress.sent + progress.failed, 1);
      bar.value = progress.sent + progress.failed;
    }
  }
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) {
        if (!progress) return setTimeout(poll, 5000);
        show(progress);
        if (progress.finished) location.reload();
        else setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 2000);
})();
