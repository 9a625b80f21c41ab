// The i94lake dashboard: four pages over the JSON API, charts drawn with ECharts (served from its WebJar).
'use strict';

const charts = {};

function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

function number(value) {
  return value == null ? '' : Number(value).toLocaleString('en-US');
}

async function api(path, token) {
  const headers = token ? {'Authorization': 'Bearer ' + token} : {};
  const response = await fetch(path, {headers});
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.error || ('HTTP ' + response.status));
  }
  showSnapshot(body);
  return body;
}

function showSnapshot(body) {
  if (body.snapshots) {
    document.getElementById('snapshot').textContent =
      'immigration snapshot ' + body.snapshots.immigration + ', published ' + body.published_at;
  }
}

function table(rows, columns, className) {
  if (!rows || rows.length === 0) {
    return '<p>none</p>';
  }
  return '<table' + (className ? ' class="' + className + '"' : '') + '><tr>' + columns.map(c => '<th>' + escapeHtml(c[1]) + '</th>').join('') + '</tr>'
    + rows.map(row => '<tr>' + columns.map(c => '<td>' + escapeHtml(typeof c[0] === 'function' ? c[0](row) : row[c[0]]) + '</td>').join('') + '</tr>').join('')
    + '</table>';
}

function bar(id, labels, values, horizontal) {
  const element = document.getElementById(id);
  const chart = charts[id] || echarts.init(element);
  charts[id] = chart;
  // long names are cut short rather than drawn over their neighbours
  const category = {type: 'category', data: labels,
    axisLabel: {interval: 0, fontSize: 10, width: horizontal ? 140 : 80, overflow: 'truncate'}};
  const value = {type: 'value'};
  chart.setOption({
    title: {text: element.dataset.title, left: 'center', textStyle: {fontSize: 14}},
    tooltip: {},
    grid: {left: horizontal ? 150 : 60, right: 20, top: 40, bottom: 30},
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? Object.assign({inverse: true}, category) : value,
    series: [{type: 'bar', data: values, itemStyle: {color: '#457b9d'}}]
  }, true);
}

function pie(id, pairs) {
  const element = document.getElementById(id);
  const chart = charts[id] || echarts.init(element);
  charts[id] = chart;
  const total = pairs.reduce((sum, pair) => sum + pair.value, 0);
  const share = name => (100 * pairs.find(pair => pair.name === name).value / total).toFixed(1) + ' %';
  chart.setOption({
    title: {text: element.dataset.title, left: 'center', textStyle: {fontSize: 14}},
    tooltip: {trigger: 'item', formatter: '{b}: {c} ({d} %)'},
    // small slices (Sea and Land beside Air) put their labels on one spot: the legend names each slice with its share
    legend: {bottom: 0, formatter: name => name + ' ' + share(name)},
    series: [{type: 'pie', radius: ['30%', '60%'], center: ['50%', '48%'], data: pairs, label: {show: false}}]
  }, true);
}

function clearCharts() {
  Object.values(charts).forEach(chart => chart.clear());
}

function noArrivals(port) {
  const message = 'No arrivals match these filters.';
  if (!port) {
    return message;
  }
  if (port.is_valid === false) {
    return message + ' Port ' + port.port_code + ' is ' + port.port_name + ': it is not a place.';
  }
  return 'No arrivals at port ' + port.port_code + (port.city ? ' (' + port.city + ')' : '') + ' match these filters.';
}

// Arrivals overview
async function showArrivals() {
  const form = new FormData(document.getElementById('arrival-filters'));
  const query = new URLSearchParams();
  for (const [key, value] of form.entries()) {
    if (value) query.set(key, value);
  }
  query.set('top', '15');
  const total = document.getElementById('arrivals-total');
  try {
    const answer = await api('/api/arrivals?' + query);
    if (answer.total === 0) {
      clearCharts();
      total.textContent = noArrivals(answer.port);
      return;
    }
    total.textContent = number(answer.total) + ' arrivals';
    bar('chart-month', answer.by_month.map(m => m.month), answer.by_month.map(m => m.arrivals));
    bar('chart-countries', answer.by_residence_country.map(c => c.country), answer.by_residence_country.map(c => c.arrivals), true);
    pie('chart-visa', answer.by_visa_category.map(v => ({name: v.visa_category, value: v.arrivals})));
    pie('chart-mode', answer.by_travel_mode.map(v => ({name: v.travel_mode, value: v.arrivals})));
    bar('chart-ports', answer.by_port.map(p => p.port_code + (p.city ? ' ' + p.city : '')), answer.by_port.map(p => p.arrivals), true);
  } catch (error) {
    clearCharts();
    total.innerHTML = '<span class="error">No charts: ' + escapeHtml(error.message) + '</span>';
  }
}

// Destination explorer
async function search(text) {
  const matches = document.getElementById('search-matches');
  try {
    const answer = await api('/api/search?q=' + encodeURIComponent(text));
    matches.innerHTML = answer.matches.length === 0 ? 'No US city or state is named like that.'
      : answer.matches.map(m => '<a href="#" data-profile="' + escapeHtml(m.profile) + '">' + escapeHtml(m.name)
          + (m.kind === 'city' ? ', ' + escapeHtml(m.state_code) : ' (state)') + '</a>').join('');
    if (answer.profile) showProfile(answer.profile);
  } catch (error) {
    matches.innerHTML = '<span class="error">' + escapeHtml(error.message) + '</span>';
  }
}

function showProfile(profile) {
  const d = profile.demographics;
  const title = profile.kind === 'state' ? profile.state_name : profile.city + ', ' + profile.state_code;
  const races = d ? Object.entries(d.race).map(([race, people]) => ({race: race.replaceAll('_', ' '), people})) : [];
  document.getElementById('profile').innerHTML =
    '<h2>' + escapeHtml(title) + '</h2><div class="cards">'
    + '<div class="card"><h3>People</h3>' + (d ? table([
        {k: 'population', v: number(d.population)}, {k: 'foreign-born share', v: d.foreign_born_share == null ? '' : (100 * d.foreign_born_share).toFixed(1) + ' %'},
        {k: 'median age', v: d.median_age}, {k: 'cities counted', v: d.cities}], [['k', ''], ['v', '']])
        + table(races, [['race', 'race or ethnicity'], [r => number(r.people), 'people']]) + '<small>' + escapeHtml(d.note) + '</small>' : '<p>no demographics</p>') + '</div>'
    + '<div class="card"><h3>Latest weather</h3>' + table(profile.weather, [['city', 'city'], ['measured_on', 'month'], ['avg_temp_c', '°C']]) + '</div>'
    + airports(profile.airports)
    + '<div class="card"><h3>Arrivals: ' + number(profile.arrivals.total) + '</h3><small>' + escapeHtml(profile.arrivals.meaning) + '</small>'
    + table(profile.arrivals.by_month, [['month', 'month'], [r => number(r.arrivals), 'arrivals']])
    + table(profile.arrivals.by_visa_category, [['visa_category', 'visa category'], [r => number(r.arrivals), 'arrivals']])
    + table(profile.arrivals.by_residence_country, [['country', 'country of residence'], [r => number(r.arrivals), 'arrivals']]) + '</div>'
    + '</div>';
}

// the count in the heading is the sum of the rows below it
function airports(found) {
  const types = Object.entries(found.by_type).map(([type, count]) => ({type: type.replaceAll('_', ' '), count}));
  const main = found.main_total === 0 ? '<p>no large or medium airport, and none with an IATA code</p>'
    : table(found.main, [['name', 'name'], ['iata_code', 'IATA'], [a => a.type.replaceAll('_', ' '), 'type']], 'main')
      + (found.main.length < found.main_total ? '<small>the first ' + found.main.length + ' shown</small>' : '');
  return '<div class="card" id="airports"><h3>Airports (' + found.total + ')</h3>'
    + (found.total === 0 ? '<p>no airport in the airport file</p>'
      : table(types, [['type', 'type'], ['count', 'airports']], 'by-type')
        + '<h4>Main airports (' + found.main_total + ')</h4>' + main)
    + '</div>';
}

// Regulator lookup
async function lookUp() {
  const token = document.getElementById('token').value.trim();
  const id = document.getElementById('lookup-id').value.trim();
  const kind = document.getElementById('lookup-kind').value;
  const result = document.getElementById('lookup-result');
  const path = kind === 'cicid' ? '/api/regulator/arrivals/' : '/api/regulator/admissions/';
  try {
    const answer = await api(path + encodeURIComponent(id), token);
    const records = answer.record ? [answer.record] : answer.records;
    result.innerHTML = records.map(record => '<div class="card record"><h3>Arrival ' + escapeHtml(record.cicid) + '</h3>'
      + table(Object.entries(record).map(([k, v]) => ({k, v})), [['k', 'field'], ['v', 'value']]) + '</div>').join('');
  } catch (error) {
    result.innerHTML = '<p class="error">' + escapeHtml(error.message) + '</p>';
  }
}

// Pipeline status
async function showPipeline() {
  const element = document.getElementById('pipeline');
  try {
    const snapshot = await api('/api/snapshot');
    const answer = await api('/api/runs');
    element.innerHTML = '<div class="card"><h3>Serving</h3>' + table(Object.entries(snapshot.snapshots).map(([t, id]) => ({t, id})),
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
    element.innerHTML = '<p class="error">' + escapeHtml(error.message) + '</p>';
  }
}

const pages = {destinations: () => {}, arrivals: showArrivals, regulator: () => {}, pipeline: showPipeline};

function route() {
  const page = (location.hash || '#arrivals').substring(1);
  const shown = pages[page] ? page : 'arrivals';
  document.querySelectorAll('.page').forEach(p => p.classList.toggle('active', p.id === 'page-' + shown));
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === shown));
  pages[shown]();
  Object.values(charts).forEach(chart => chart.resize());
}

document.getElementById('arrival-filters').addEventListener('submit', event => { event.preventDefault(); showArrivals(); });
document.getElementById('search-form').addEventListener('submit', event => {
  event.preventDefault();
  search(document.getElementById('search-text').value);
});
document.getElementById('search-matches').addEventListener('click', async event => {
  const link = event.target.closest('a[data-profile]');
  if (link) {
    event.preventDefault();
    try {
      showProfile(await api(link.dataset.profile));
    } catch (error) {
      document.getElementById('profile').innerHTML = '<p class="error">' + escapeHtml(error.message) + '</p>';
    }
  }
});
document.getElementById('lookup-form').addEventListener('submit', event => { event.preventDefault(); lookUp(); });
window.addEventListener('hashchange', route);
window.addEventListener('resize', () => Object.values(charts).forEach(chart => chart.resize()));
route();
