/**
 * The report's only script, inline and constant: the Content-Security-Policy allows it by its
 * SHA-256 hash, so it must never contain plan data (the data is read from the page instead).
 *
 * It is progressive enhancement: the report is complete without it. It shows the search box (the
 * page ships it `hidden`), hides VM rows whose `data-name` does not contain the query
 * (case-insensitive, through the `hidden` property, never markup), and opens every `<details>` for
 * printing in browsers whose print style sheet cannot (restoring them afterwards). While a query is
 * on, the body's `q-on` class has every chunk of the VM table laid out: a chunk not yet laid out
 * keeps its assumed height, which would leave blank gaps where the hidden rows were.
 *
 * Plain ES5 on purpose: it has to run in whatever browser the forwarded report is opened in.
 */
export const HTML_SCRIPT = `
(function () {
  var box = document.getElementById('search');
  var input = document.getElementById('q');
  var status = document.getElementById('q-status');
  if (!box || !input || !status) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll('tbody.vm'));
  var names = rows.map(function (row) { return (row.getAttribute('data-name') || '').toLowerCase(); });
  function apply() {
    var query = input.value.trim().toLowerCase();
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var match = query === '' || names[i].indexOf(query) !== -1;
      if (rows[i].hidden === match) { rows[i].hidden = !match; }
      if (match) { shown++; }
    }
    status.textContent = query === '' ? '' : shown + ' of ' + rows.length + ' VMs match';
    document.body.className = query === '' ? '' : 'q-on';
  }
  input.addEventListener('input', apply);
  box.hidden = false;
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
`;
