extension ReviewReport {
  /// The page's script: row filter (from the select or the URL fragment `#filter=KIND`), `n`/`p`
  /// to the next/previous row with a finding, and clicks on the plot jumping to a bead.
  ///
  /// It carries no data (rows carry theirs in `data-k` attributes), so no input text can reach
  /// it. The filter is applied on load, so a headless browser's dumped DOM shows hidden rows.
  static let script = #"""
    (function () {
      'use strict';
      var body = document.getElementById('rows');
      if (!body) return;
      var rows = body.rows;
      var select = document.getElementById('filter');
      var status = document.getElementById('status');
      var labels = {};
      if (select) {
        for (var o = 0; o < select.options.length; o++) {
          labels[select.options[o].value] = select.options[o].text.replace(/ \(\d+\)$/, '');
        }
      }
      var marked = [];
      for (var r = 0; r < rows.length; r++) {
        if (rows[r].hasAttribute('data-k')) marked.push(rows[r]);
      }

      function matches(row, filter) {
        if (filter === 'all') return true;
        var kinds = row.getAttribute('data-k');
        if (kinds === null) return false;
        return filter === 'any' || (' ' + kinds + ' ').indexOf(' ' + filter + ' ') >= 0;
      }

      function apply(filter) {
        var shown = 0;
        for (var i = 0; i < rows.length; i++) {
          var show = matches(rows[i], filter);
          if (rows[i].hidden === show) rows[i].hidden = !show;
          if (show) shown++;
        }
        document.body.setAttribute('data-filter', filter);
        if (select && !labels.hasOwnProperty(filter)) {
          // A kind no row has (from the URL): listed, so that the select says what is shown.
          var option = document.createElement('option');
          option.value = filter;
          option.text = filter.replace(/-/g, ' ') + ' (0)';
          select.add(option);
          labels[filter] = filter.replace(/-/g, ' ');
        }
        if (select) select.value = filter;
        if (status) {
          status.textContent = filter === 'all'
            ? 'Showing all ' + rows.length + ' rows.'
            : 'Showing ' + shown + ' of ' + rows.length + ' rows: ' +
              (labels.hasOwnProperty(filter) ? labels[filter] : filter) + '.';
        }
      }

      function fromHash() {
        var hash = location.hash.slice(1);
        try { hash = decodeURIComponent(hash); } catch (e) { /* keep it raw */ }
        if (hash.lastIndexOf('filter=', 0) === 0) {
          apply(hash.slice(7) || 'all');
          return;
        }
        var target = hash ? document.getElementById(hash) : null;
        var row = target && target.closest ? target.closest('tr') : null;
        if (row && row.hidden) {
          apply('all');
          target.scrollIntoView();
        }
      }

      if (select) {
        select.addEventListener('change', function () {
          location.hash = 'filter=' + select.value;
        });
      }
      window.addEventListener('hashchange', fromHash);
      if (location.hash.lastIndexOf('#filter=', 0) === 0) fromHash(); else apply('all');

      // n / p: the next or previous visible row with a finding.
      function barHeight() {
        var bar = document.querySelector('.toolbar');
        return bar ? bar.getBoundingClientRect().height : 0;
      }
      function step(direction) {
        var at = marked.indexOf(document.activeElement);
        var i;
        if (at < 0) {
          var top = barHeight() + 40;
          i = direction > 0 ? 0 : marked.length - 1;
          while (i >= 0 && i < marked.length) {
            var box = marked[i].getBoundingClientRect();
            if (!marked[i].hidden && (direction > 0 ? box.top >= top : box.top < top)) break;
            i += direction;
          }
        } else {
          i = at + direction;
          while (i >= 0 && i < marked.length && marked[i].hidden) i += direction;
        }
        if (i < 0 || i >= marked.length) return;
        var row = marked[i];
        row.tabIndex = -1;
        row.focus({ preventScroll: true });
        row.scrollIntoView({ block: 'center' });
      }
      document.addEventListener('keydown', function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
        var t = event.target;
        if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
        if (event.key !== 'n' && event.key !== 'p') return;
        event.preventDefault();
        step(event.key === 'n' ? 1 : -1);
      });

      // A click on the plot: the bead holding the source sentence under the pointer.
      var plot = document.getElementById('plot');
      var starts = null;
      if (plot && plot.createSVGPoint) {
        plot.addEventListener('click', function (event) {
          var matrix = plot.getScreenCTM();
          if (!matrix) return;
          var point = plot.createSVGPoint();
          point.x = event.clientX;
          point.y = event.clientY;
          point = point.matrixTransform(matrix.inverse());
          var count = +plot.getAttribute('data-s');
          var sentence = Math.min(count - 1, Math.max(0, Math.floor(point.x / 1000 * count)));
          if (!starts) {
            starts = [];
            for (var i = 0; i < rows.length; i++) {
              var number = rows[i].cells[1].querySelector('.n');
              if (number) starts.push([+number.textContent, rows[i]]);
            }
          }
          var low = 0, high = starts.length;
          while (low < high) {
            var middle = (low + high) >> 1;
            if (starts[middle][0] <= sentence) low = middle + 1; else high = middle;
          }
          if (low === 0) return;
          var row = starts[low - 1][1];
          if (row.hidden) apply('all');
          row.tabIndex = -1;
          row.focus({ preventScroll: true });
          row.scrollIntoView({ block: 'center' });
        });
      }
    })();

    """#
}
