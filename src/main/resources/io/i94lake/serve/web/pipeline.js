// Pipeline: the snapshots served, a chart of the recent runs, the checks that failed and the runs' table.
'use strict';

async function showPipeline() {
  const element = document.getElementById('pipeline');
  try {
    const snapshot = await api('/api/snapshot');
    const answer = await api('/api/runs');
    drawRuns(answer.runs);
    element.innerHTML = failedChecks(answer.runs)
      + '<div class="card"><h3>Serving</h3>' + table(Object.entries(snapshot.snapshots).map(([t, id]) => ({t, id})),
        [['t', 'table'], ['id', 'snapshot on main']])
      + '<p>published ' + escapeHtml(snapshot.published_at) + ' by run ' + escapeHtml(snapshot.published_by_run)
      + '; ' + number(snapshot.arrivals) + ' arrivals in memory</p></div>'
      + '<div class="card"><h3>Last runs</h3>' + table(answer.runs, [['run_id', 'run'], ['trigger', 'trigger'],
        [r => r.state, 'state'], ['started_at', 'started'], ['seconds', 'seconds'], [r => number(r.rows_written), 'rows written'],
        [r => r.checks_passed + ' of ' + r.checks.length, 'checks passed'], ['failure_category', 'failure'], ['error', 'error']]) + '</div>';
    element.querySelectorAll('td').forEach(td => {
      if (td.textContent === 'SUCCEEDED') td.className = 'passed';
      if (td.textContent === 'FAILED') td.className = 'failed';
    });
  } catch (error) {
    clearCharts(['chart-runs']);
    element.innerHTML = '<p class="error">' + escapeHtml(error.message) + '</p>';
  }
}

// each check that failed in the recent runs, with the value it observed against its threshold
function failedChecks(runs) {
  const failed = runs.flatMap(run => run.checks.filter(check => check.passed === false).map(check => Object.assign({run_id: run.run_id}, check)));
  if (failed.length === 0) {
    return '<div class="card"><h3>Failed checks</h3><p class="passed">Every check of the last ' + runs.length
      + ' runs passed.</p></div>';
  }
  return '<div class="card failed-checks"><h3>Failed checks (' + failed.length + ')</h3>' + table(failed, [['run_id', 'run'],
    ['table_name', 'table'], ['check_name', 'check'], ['observed', 'observed'], ['threshold', 'threshold'], ['level', 'level']], 'failed') + '</div>';
}

// the runs oldest first: seconds as bars colored by outcome, rows written as a line
function drawRuns(runs) {
  const ordered = runs.slice().reverse();
  const chart = chartIn('chart-runs');
  chart.setOption({
    title: titleOf('chart-runs'),
    tooltip: {trigger: 'axis', formatter: params => {
      const run = ordered[params[0].dataIndex];
      return escapeHtml(run.run_id) + '<br>' + escapeHtml(run.state) + ', ' + run.seconds + ' s, ' + number(run.rows_written)
        + ' rows written, ' + run.checks_passed + ' of ' + run.checks.length + ' checks passed';
    }},
    legend: {bottom: 0, data: ['seconds', 'rows written']},
    grid: {left: 45, right: 55, top: 40, bottom: 55},
    xAxis: {type: 'category', data: ordered.map(run => (run.started_at || '').substring(5, 16)), axisLabel: {fontSize: 10}},
    yAxis: [{type: 'value', name: 's', axisLabel: {fontSize: 10}}, {type: 'value', name: 'rows', axisLabel: {fontSize: 10,
      formatter: value => value >= 1e6 ? value / 1e6 + 'M' : value >= 1e3 ? value / 1e3 + 'k' : value}}],
    series: [
      {name: 'seconds', type: 'bar', data: ordered.map(run => ({value: run.seconds, state: run.state,
        itemStyle: {color: run.state === 'SUCCEEDED' ? '#2e7d32' : '#b00020'}})), itemStyle: {color: '#2e7d32'},
        barMaxWidth: 48},
      {name: 'rows written', type: 'line', yAxisIndex: 1, data: ordered.map(run => run.rows_written), symbolSize: 8,
        itemStyle: {color: '#457b9d'}}
    ]
  }, true);
}
