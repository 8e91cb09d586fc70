// Hides the rows of the actions table that do not match what is typed: every word typed must
// appear in a row's data-search text (name, aliases, path, entry, services, RPC methods).
(function () {
  'use strict';
  var box = document.getElementById('search');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#actions tbody tr'));
  function filter() {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-search');
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !match;
      count += match ? 1 : 0;
    });
    shown.textContent = count === rows.length ? rows.length + ' actions'
      : count + ' of ' + rows.length + ' actions';
  }
  box.addEventListener('input', filter);
  filter(); // the browser may restore what was typed when the reader comes back
})();
