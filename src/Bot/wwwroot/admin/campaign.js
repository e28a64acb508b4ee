// Campaign editor. The page works without this: ticking a language and pressing Preview shows its texts, and Preview
// re-renders the bot's messages. This only does both as you go.
(function () {
  var form = document.querySelector('form.campaign-editor');
  if (!form) return;

  // Texts of a language show while the campaign offers it (hidden inputs still post, so nothing typed is lost).
  function showOfferedLanguages() {
    form.querySelectorAll('input[data-language-box]').forEach(function (box) {
      form.querySelectorAll('[data-language="' + CSS.escape(box.value) + '"]').forEach(function (element) {
        element.hidden = !box.checked;
      });
    });
  }
  form.addEventListener('change', function (event) {
    if (event.target.matches('input[data-language-box]')) showOfferedLanguages();
  });

  // The preview is the server's (the bot's own messages): post the form as Preview does, get back only the chats.
  var timer = null;
  var pending = null;
  function refreshPreview() {
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(form.dataset.previewUrl, {
      method: 'POST',
      body: new FormData(form),
      credentials: 'same-origin',
      signal: pending.signal
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (!html) return;
      var page = new DOMParser().parseFromString(html, 'text/html');
      page.querySelectorAll('[data-preview]').forEach(function (fresh) {
        var current = document.getElementById(fresh.id);
        if (current) current.innerHTML = fresh.innerHTML;
      });
    }).catch(function () { /* a newer refresh took over, or the network failed: the Preview button still works */ });
  }
  function schedule(event) {
    if (!event.target.matches('[data-live-preview]')) return;
    clearTimeout(timer);
    timer = setTimeout(refreshPreview, 400);
  }
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
})();
