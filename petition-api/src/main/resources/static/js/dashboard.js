/*
 * The dashboard's charts: each <figure class="chart"> has a table, the figures themselves (what screen
 * readers read), and a canvas drawn from it with Chart.js, again each time htmx swaps in new figures
 * from the server-sent events (see templates/counts/dashboard.html).
 */
(function () {
  'use strict';
  var COLOURS = ['#0b4f8a', '#2e7d32', '#b26a00', '#8e244d', '#5b3c99'];
  var charts = [];

  function draw() {
    charts.splice(0).forEach(function (chart) { chart.destroy(); });
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll('#figures figure.chart').forEach(function (figure) {
      var table = figure.querySelector('table');
      var canvas = figure.querySelector('canvas');
      if (!table || !canvas) {
        return;
      }
      var series = Array.prototype.slice.call(table.tHead.rows[0].cells, 1)
        .map(function (cell) { return cell.textContent.trim(); });
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      charts.push(new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }),
          datasets: series.map(function (name, i) {
            return {
              label: name,
              backgroundColor: COLOURS[i % COLOURS.length],
              data: rows.map(function (row) { return Number(row.cells[i + 1].textContent); })
            };
          })
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          plugins: { legend: { display: series.length > 1 } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      }));
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', function (event) {
    if (event.target && event.target.id === 'figures') {
      draw();
    }
  });
})();
