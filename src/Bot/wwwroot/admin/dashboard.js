// The dashboard works without JavaScript; this only saves a click or two.
// <select data-autosubmit> submits its form when changed (the language picker).
document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
  select.addEventListener('change', function () { select.form.submit(); });
  var button = select.form.querySelector('button[type=submit]');
  if (button) button.hidden = true;
});
