// Review queue keys: a theme's key (shown as <kbd> on its button) labels the input, S skips it. The buttons and the
// skip link work without this; it only saves reaching for the mouse. Keys typed into a field (the language picker)
// and keys held with Ctrl, Alt or ⌘ (the browser's shortcuts) are left alone.
(function () {
  var sent = false;
  document.addEventListener('keydown', function (event) {
    if (sent || event.defaultPrevented || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]')) return;
    // The digit keys by position, so that layouts that type digits with Shift (AZERTY) need no Shift here.
    var key = /^(Digit|Numpad)[0-9]$/.test(event.code) ? event.code.slice(-1) : event.key.toLowerCase();
    if (key.length !== 1) return;
    var target = document.querySelector('[data-review-key="' + CSS.escape(key) + '"]');
    if (!target) return;
    event.preventDefault();
    // One label per page: a second key pressed before the next item arrives must not label it too.
    sent = true;
    target.click();
  });
  // Back to this page from the browser's history: the keys work again.
  window.addEventListener('pageshow', function () { sent = false; });
})();
