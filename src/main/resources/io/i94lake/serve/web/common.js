// What every page of the dashboard uses: the API, the address (#page?query), tables and ECharts charts.
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

// the address is "#page/part?query": the page, an optional part of it, and its state as a query
function address() {
  const hash = location.hash.substring(1);
  const [path, query] = hash.split('?', 2);
  const [page, part] = path.split('/', 2);
  return {page, part: part || '', query: new URLSearchParams(query || '')};
}

function go(page, query) {
  const text = query.toString();
  const target = page + (text ? '?' + text : '');
  if (location.hash === '#' + target) {
    route(); // the same address again: show it again (a retry)
  } else {
    location.hash = target;
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

// the chart drawn in an element; a new one when the element was replaced (a profile drawn again)
function chartIn(id) {
  const element = document.getElementById(id);
  if (charts[id] && charts[id].getDom() !== element) {
    charts[id].dispose();
    delete charts[id];
  }
  charts[id] = charts[id] || echarts.init(element);
  return charts[id];
}

function titleOf(id) {
  return {text: document.getElementById(id).dataset.title, left: 'center', textStyle: {fontSize: 14}};
}

// bars: items are {name, value} and whatever a click needs (a code)
function bar(id, items, horizontal, color) {
  const chart = chartIn(id);
  // long names are cut short rather than drawn over their neighbours
  const category = {type: 'category', data: items.map(item => item.name),
    axisLabel: {interval: 0, fontSize: 10, width: horizontal ? 120 : 70, overflow: 'truncate'}};
  const value = {type: 'value', axisLabel: {fontSize: 10}, minInterval: 1};
  chart.setOption({
    title: titleOf(id),
    tooltip: {},
    grid: {left: horizontal ? 130 : 50, right: 20, top: 40, bottom: 30},
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? Object.assign({inverse: true}, category) : value,
    series: [{type: 'bar', data: items, itemStyle: {color: color || '#457b9d'}}]
  }, true);
  return chart;
}

function pie(id, items) {
  const chart = chartIn(id);
  const total = items.reduce((sum, item) => sum + item.value, 0);
  const share = name => (100 * items.find(item => item.name === name).value / total).toFixed(1) + ' %';
  chart.setOption({
    title: titleOf(id),
    tooltip: {trigger: 'item', formatter: '{b}: {c} ({d} %)'},
    // small slices (Sea and Land beside Air) put their labels on one spot: the legend names each slice with its share
    legend: {bottom: 0, formatter: name => name + ' ' + share(name)},
    series: [{type: 'pie', radius: ['30%', '60%'], center: ['50%', '48%'], data: items, label: {show: false}}]
  }, true);
  return chart;
}

// lines over time: series are {name, points: [[date, value], ...]}
function lines(id, series) {
  const chart = chartIn(id);
  chart.setOption({
    title: titleOf(id),
    tooltip: {trigger: 'axis', valueFormatter: value => value == null ? '' : value.toFixed(1)},
    legend: {bottom: 0, type: 'scroll'},
    grid: {left: 40, right: 20, top: 40, bottom: 50},
    xAxis: {type: 'time', axisLabel: {fontSize: 10}},
    yAxis: {type: 'value', axisLabel: {fontSize: 10}},
    series: series.map(s => ({type: 'line', name: s.name, data: s.points, showSymbol: false}))
  }, true);
  return chart;
}

function clearCharts(ids) {
  ids.forEach(id => charts[id] && charts[id].clear());
}

// a click on a chart's bar or slice calls back with its item (once per chart, however often it is drawn)
function onItemClick(chart, callback) {
  chart.off('click');
  chart.on('click', params => callback(params.data, params));
}

function resizeCharts() {
  Object.values(charts).forEach(chart => chart.resize());
}
