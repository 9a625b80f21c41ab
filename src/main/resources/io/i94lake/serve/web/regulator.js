// Regulator pages: one arrival looked up, and the lists (overstays, permits ending, arrivals at a port) page by page
// or as CSV. The token is read from its field for each request and sent as a header: never kept anywhere else.
'use strict';

const REGULATOR_LISTS = {
  overstays: {path: '/api/regulator/overstays', fields: ['as_of'], title: 'Overstays'},
  'permits-ending': {path: '/api/regulator/permits-ending', fields: ['as_of', 'within_days'], title: 'Permits ending'},
  arrivals: {path: '/api/regulator/arrivals', fields: ['port', 'from', 'to'], title: 'Arrivals at a port'}
};
const LIST_COLUMNS = [['cicid', 'cicid'], ['arrival_date', 'arrival'], ['allowed_until', 'allowed until'],
  ['departure_date', 'departure'], ['port_code', 'port'], ['visa_type', 'visa'], ['citizenship_country', 'citizenship']];

function token() {
  return document.getElementById('token').value.trim();
}

function showRegulator() {
  const {part, query} = address();
  const list = REGULATOR_LISTS[part];
  document.querySelectorAll('.tabs a').forEach(a => a.classList.toggle('active', a.dataset.list === (list ? part : 'lookup')));
  document.getElementById('regulator-lookup').classList.toggle('active', !list);
  document.getElementById('regulator-list').classList.toggle('active', !!list);
  if (list) showList(part, list, query);
}

async function lookUp() {
  const id = document.getElementById('lookup-id').value.trim();
  const kind = document.getElementById('lookup-kind').value;
  const result = document.getElementById('lookup-result');
  const path = kind === 'cicid' ? '/api/regulator/arrivals/' : '/api/regulator/admissions/';
  try {
    const answer = await api(path + encodeURIComponent(id), token());
    const records = answer.record ? [answer.record] : answer.records;
    result.innerHTML = records.map(record => '<div class="card record"><h3>Arrival ' + escapeHtml(record.cicid) + '</h3>'
      + table(Object.entries(record).map(([k, v]) => ({k, v})), [['k', 'field'], ['v', 'value']]) + '</div>').join('');
  } catch (error) {
    result.innerHTML = '<p class="error">' + escapeHtml(error.message) + '</p>';
  }
}

// the list's parameters as the API takes them: the form's fields of this list, the page size and the page
function listQuery(list, query) {
  const asked = new URLSearchParams();
  list.fields.concat(['page_size', 'page']).forEach(name => query.get(name) && asked.set(name, query.get(name)));
  return asked;
}

async function showList(name, list, query) {
  const form = document.getElementById('list-form');
  form.querySelectorAll('label[data-for]').forEach(label => label.classList.toggle('hidden', !label.dataset.for.split(' ').includes(name)));
  Object.keys(REGULATOR_LISTS).flatMap(n => REGULATOR_LISTS[n].fields).forEach(field => { form.elements[field].value = query.get(field) || ''; });
  form.elements.page_size.value = query.get('page_size') || '20';
  const status = document.getElementById('list-status');
  const result = document.getElementById('list-result');
  const pager = document.getElementById('list-pager');
  pager.innerHTML = '';
  result.innerHTML = '';
  if (!token()) {
    status.textContent = list.title + ': type your regulator token above, then Show.';
    return;
  }
  const asked = listQuery(list, query);
  asked.set('page_size', form.elements.page_size.value);
  try {
    const answer = await api(list.path + '?' + asked, token());
    status.textContent = answer.total === 0 ? list.title + ': no records for these values.'
      : list.title + ': ' + number(answer.total) + ' records' + (answer.counts ? ' (' + number(answer.counts.departed_after_permit)
        + ' departed after their permit, ' + number(answer.counts.no_departure_recorded) + ' with no departure recorded)' : '');
    result.innerHTML = table(answer.records, LIST_COLUMNS, 'records');
    if (answer.pages > 1) {
      const page = answer.page;
      pager.innerHTML = (page > 1 ? '<a href="#' + pageAddress(name, query, page - 1) + '" id="previous-page">‹ previous</a>' : '')
        + '<span id="page-of">page ' + page + ' of ' + answer.pages + '</span>'
        + (page < answer.pages ? '<a href="#' + pageAddress(name, query, page + 1) + '" id="next-page">next ›</a>' : '');
    }
  } catch (error) {
    status.innerHTML = '<span class="error">' + escapeHtml(error.message) + '</span>';
  }
}

function pageAddress(name, query, page) {
  const next = new URLSearchParams(query);
  next.set('page', page);
  return 'regulator/' + name + '?' + next;
}

// every row of the list as CSV, fetched with the token header (a plain link could not send it), saved as a file
async function exportCsv() {
  const {part, query} = address();
  const list = REGULATOR_LISTS[part];
  const status = document.getElementById('list-status');
  const asked = listQuery(list, query);
  asked.delete('page');
  asked.delete('page_size');
  asked.set('format', 'csv');
  try {
    const response = await fetch(list.path + '?' + asked, {headers: {'Authorization': 'Bearer ' + token()}});
    if (!response.ok) {
      throw new Error((await response.json()).error || ('HTTP ' + response.status));
    }
    const blob = await response.blob();
    const name = (/filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '') || [null, part + '.csv'])[1];
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    document.getElementById('csv-status')?.remove();
    status.insertAdjacentHTML('beforeend', '<span id="csv-status"> Exported ' + escapeHtml(name) + '.</span>');
  } catch (error) {
    status.innerHTML = '<span class="error">No export: ' + escapeHtml(error.message) + '</span>';
  }
}

document.getElementById('lookup-form').addEventListener('submit', event => { event.preventDefault(); lookUp(); });
document.getElementById('list-form').addEventListener('submit', event => {
  event.preventDefault();
  const part = address().part;
  const query = new URLSearchParams();
  REGULATOR_LISTS[part].fields.forEach(field => {
    const value = event.target.elements[field].value.trim();
    if (value) query.set(field, value);
  });
  query.set('page_size', event.target.elements.page_size.value);
  go('regulator/' + part, query);
});
document.getElementById('csv-button').addEventListener('click', exportCsv);
