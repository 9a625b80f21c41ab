// The overview: filters held in the address, the US map and the charts of the arrivals that pass them.
'use strict';

const LIST_FILTERS = ['residence_country', 'visa_category', 'travel_mode', 'port', 'destination_state'];
const FILTER_NAMES = {residence_country: 'country of residence', visa_category: 'visa category', travel_mode: 'travel mode',
  port: 'port', destination_state: 'destination state'};
const OVERVIEW_CHARTS = ['chart-map', 'chart-month', 'chart-countries', 'chart-visa', 'chart-mode', 'chart-ports'];
let choices = null;
let mapReady = null;

// the filters of the address: months, and a list of values for each other filter
function filtersOf(query) {
  const filters = {from_month: query.get('from_month') || '', to_month: query.get('to_month') || ''};
  LIST_FILTERS.forEach(name => {
    filters[name] = (query.get(name) || '').split(',').filter(value => value !== '');
  });
  return filters;
}

function queryOf(filters) {
  const query = new URLSearchParams();
  ['from_month', 'to_month'].forEach(name => filters[name] && query.set(name, filters[name]));
  LIST_FILTERS.forEach(name => filters[name].length && query.set(name, filters[name].join(',')));
  return query;
}

function currentFilters() {
  return filtersOf(address().query);
}

function showFilters(filters) {
  go('arrivals', queryOf(filters));
}

function toggleFilter(name, value) {
  const filters = currentFilters();
  const values = filters[name];
  filters[name] = values.includes(value) ? values.filter(v => v !== value) : values.concat([value]);
  showFilters(filters);
}

function labelOf(name, value) {
  const choice = choices && (choices[name] || []).find(c => c.value === value);
  return choice ? choice.label : value;
}

async function loadChoices() {
  if (choices) return;
  choices = await api('/api/arrivals/choices');
  document.getElementById('lake-months').innerHTML = choices.months.map(m => '<option value="' + escapeHtml(m.value) + '">').join('');
  document.querySelectorAll('#filter-pickers select').forEach(select => {
    select.innerHTML += choices[select.dataset.filter].map(c => '<option value="' + escapeHtml(c.value) + '">'
      + escapeHtml(c.label) + ' (' + number(c.arrivals) + ')</option>').join('');
  });
}

function drawFilterForm(filters) {
  const form = document.getElementById('arrival-filters');
  form.elements.from_month.value = filters.from_month;
  form.elements.to_month.value = filters.to_month;
  document.getElementById('filter-chips').innerHTML = LIST_FILTERS.flatMap(name => filters[name].map(value =>
    '<button type="button" class="chip" data-filter="' + name + '" data-value="' + escapeHtml(value) + '" title="remove">'
    + escapeHtml(FILTER_NAMES[name]) + ': ' + escapeHtml(labelOf(name, value)) + ' ×</button>')).join('');
}

// why nothing passes the filters: the months asked for are outside the lake's, the port is no place, or the mix
function noArrivals(filters, answer) {
  const months = answer.lake_months;
  const from = filters.from_month || '0000-00';
  const to = filters.to_month || '9999-99';
  if (months.length === 0) {
    return 'No arrivals: the lake holds no arrivals yet.';
  }
  if (!months.some(month => month >= from && month <= to)) {
    return 'No arrivals from ' + (filters.from_month || 'the start') + ' to ' + (filters.to_month || 'the end')
      + ': the lake holds ' + months[0] + (months.length > 1 ? ' to ' + months[months.length - 1] : ' only') + '.';
  }
  const port = answer.port;
  if (port && port.is_valid === false) {
    return 'No arrivals match these filters. Port ' + port.port_code + ' is ' + port.port_name + ': it is not a place.';
  }
  if (port) {
    return 'No arrivals at port ' + port.port_code + (port.city ? ' (' + port.city + ')' : '') + ' match these filters.';
  }
  return 'No arrivals match these filters together: each narrows the others; remove one.';
}

async function showArrivals() {
  const filters = currentFilters();
  const total = document.getElementById('arrivals-total');
  drawFilterForm(filters);
  const query = queryOf(filters);
  try {
    await loadChoices();
    drawFilterForm(filters);
    const [answer, map] = await Promise.all([api('/api/arrivals?' + query + '&top=15'), api('/api/map?' + query)]);
    if (answer.total === 0) {
      clearCharts(OVERVIEW_CHARTS);
      document.getElementById('map-note').textContent = '';
      total.textContent = noArrivals(filters, answer);
      return;
    }
    total.textContent = number(answer.total) + ' arrivals';
    await drawMap(map);
    onItemClick(bar('chart-month', answer.by_month.map(m => ({name: m.month, value: m.arrivals}))), item => {
      filters.from_month = item.name;
      filters.to_month = item.name;
      showFilters(filters);
    });
    onItemClick(bar('chart-countries', answer.by_residence_country.map(c => ({name: c.country, value: c.arrivals,
      code: c.country_code == null ? null : String(c.country_code)})), true), item => item.code && toggleFilter('residence_country', item.code));
    onItemClick(pie('chart-visa', answer.by_visa_category.map(v => ({name: v.visa_category, value: v.arrivals}))),
      item => item.name !== 'unknown' && toggleFilter('visa_category', item.name));
    onItemClick(pie('chart-mode', answer.by_travel_mode.map(v => ({name: v.travel_mode, value: v.arrivals}))),
      item => item.name !== 'unknown' && toggleFilter('travel_mode', item.name));
    onItemClick(bar('chart-ports', answer.by_port.map(p => ({name: p.port_code + (p.city ? ' ' + p.city : ''), value: p.arrivals,
      code: p.port_code})), true), item => item.code !== 'unknown' && toggleFilter('port', item.code));
  } catch (error) {
    clearCharts(OVERVIEW_CHARTS);
    document.getElementById('map-note').textContent = '';
    total.innerHTML = '<span class="error">No charts: ' + escapeHtml(error.message) + '</span>';
  }
}

function loadMap() {
  mapReady = mapReady || api('/api/map/states').then(states => {
    echarts.registerMap('us-states', states);
    return api('/api/map/airports');
  });
  return mapReady;
}

// the states colored by arrivals, the ports as circles sized by their arrivals, the large airports as dots
async function drawMap(map) {
  const airports = (await loadMap()).airports;
  const states = map.by_state.filter(state => state.on_map);
  const most = Math.max(1, ...states.map(state => state.arrivals));
  const busiestPort = Math.max(1, ...map.ports.map(port => port.arrivals));
  const names = Object.fromEntries(map.by_state.map(state => [state.state_code, state.state_name]));
  const chart = chartIn('chart-map');
  chart.setOption({
    title: titleOf('chart-map'),
    tooltip: {trigger: 'item'},
    legend: {bottom: 0, data: ['Ports of entry', 'Large and medium airports'], textStyle: {fontSize: 11}},
    visualMap: {type: 'continuous', min: 0, max: most, seriesIndex: 0, orient: 'horizontal', left: 'center', top: 28,
      itemWidth: 10, itemHeight: 120, text: [number(most), '0'], textStyle: {fontSize: 10},
      inRange: {color: ['#eef4fa', '#a8c8e1', '#457b9d', '#1d3557']}},
    // the atlas is already projected: its coordinates are drawn as they are
    geo: {map: 'us-states', roam: false, top: 60, bottom: 40, left: 5, right: 5,
      projection: {project: point => point, unproject: point => point},
      itemStyle: {borderColor: '#fff', borderWidth: 0.6}, label: {show: false},
      emphasis: {label: {show: false}, itemStyle: {areaColor: '#f4a261'}}},
    series: [
      {type: 'map', geoIndex: 0, name: 'Arrivals by destination state',
        data: states.map(state => ({name: state.state_code, value: state.arrivals})),
        tooltip: {formatter: params => escapeHtml(names[params.name]) + ': ' + number(params.value || 0) + ' arrivals'}},
      {type: 'scatter', coordinateSystem: 'geo', name: 'Ports of entry', z: 3,
        itemStyle: {color: 'rgba(230, 57, 70, 0.75)', borderColor: '#fff', borderWidth: 0.5},
        symbolSize: value => 4 + 26 * Math.sqrt(value[2] / busiestPort),
        data: map.ports.map(port => ({name: port.port_code + ' ' + (port.city || port.port_name), value: [port.x, port.y, port.arrivals]})),
        tooltip: {formatter: params => 'Port ' + escapeHtml(params.name) + ': ' + number(params.value[2]) + ' arrivals'}},
      {type: 'scatter', coordinateSystem: 'geo', name: 'Large and medium airports', symbolSize: 2.5, z: 2, silent: false,
        itemStyle: {color: '#2a9d8f', opacity: 0.7},
        data: airports.map(airport => ({name: airport.name + (airport.iata_code ? ' (' + airport.iata_code + ')' : ''),
          value: [airport.x, airport.y]})),
        tooltip: {formatter: params => escapeHtml(params.name)}}
    ]
  }, true);
  chart.off('click');
  chart.on('click', params => {
    if (params.componentType === 'geo' || params.seriesType === 'map') {
      go('destinations', new URLSearchParams({state: params.name}));
    }
  });
  const offMap = map.by_state.filter(state => !state.on_map && state.arrivals > 0);
  document.getElementById('map-note').textContent = 'Ports are placed at their city (us_city); '
    + number(map.ports_not_placed) + ' arrivals came through ports without a place on the map (abroad, not reported, '
    + 'or a city without coordinates). Not on the map: '
    + (offMap.length ? offMap.map(state => state.state_name + ' ' + number(state.arrivals)).join(', ') : 'no territory with arrivals')
    + '; ' + number(map.elsewhere) + ' arrivals gave no US state as destination.';
}

document.getElementById('arrival-filters').addEventListener('submit', event => {
  event.preventDefault();
  const filters = currentFilters();
  const form = event.target.elements;
  filters.from_month = form.from_month.value.trim();
  filters.to_month = form.to_month.value.trim();
  showFilters(filters);
});
document.getElementById('clear-filters').addEventListener('click', () => showFilters(filtersOf(new URLSearchParams())));
document.getElementById('filter-pickers').addEventListener('change', event => {
  const select = event.target;
  if (select.value) {
    const filters = currentFilters();
    if (!filters[select.dataset.filter].includes(select.value)) {
      filters[select.dataset.filter].push(select.value);
    }
    select.value = '';
    showFilters(filters);
  }
});
document.getElementById('filter-chips').addEventListener('click', event => {
  const chip = event.target.closest('.chip');
  if (chip) toggleFilter(chip.dataset.filter, chip.dataset.value);
});
