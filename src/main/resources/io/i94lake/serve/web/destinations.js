// Destinations: search a city or state (#destinations?q=), or open one (?state=TX, ?city=ID); a profile with charts.
'use strict';

const RACE_NAMES = {american_indian_alaska_native: 'American Indian, Alaska Native', asian: 'Asian',
  black_african_american: 'Black, African American', hispanic_latino: 'Hispanic, Latino', white: 'White'};

// a state's chart draws this many cities' lines at most
const MAX_TEMPERATURE_CITIES = 6;

async function showDestinations() {
  const query = address().query;
  const matches = document.getElementById('search-matches');
  try {
    if (query.get('q')) {
      document.getElementById('search-text').value = query.get('q');
      const answer = await api('/api/search?q=' + encodeURIComponent(query.get('q')));
      matches.innerHTML = answer.matches.length === 0 ? 'No US city or state is named like that.'
        : answer.matches.map(m => '<a href="#destinations?' + (m.kind === 'city' ? 'city=' : 'state=') + encodeURIComponent(m.id)
            + '" data-profile="' + escapeHtml(m.profile) + '">' + escapeHtml(m.name)
            + (m.kind === 'city' ? ', ' + escapeHtml(m.state_code) : ' (state)') + '</a>').join('');
      if (answer.profile) showProfile(answer.profile);
    } else if (query.get('state')) {
      showProfile(await api('/api/destinations/states/' + encodeURIComponent(query.get('state'))));
    } else if (query.get('city')) {
      showProfile(await api('/api/destinations/cities/' + encodeURIComponent(query.get('city'))));
    }
  } catch (error) {
    document.getElementById('profile').innerHTML = '<p class="error">' + escapeHtml(error.message) + '</p>';
  }
}

function showProfile(profile) {
  const d = profile.demographics;
  const title = profile.kind === 'state' ? profile.state_name : profile.city + ', ' + profile.state_code;
  document.getElementById('profile').innerHTML =
    '<h2>' + escapeHtml(title) + '</h2><div class="cards">'
    + people(d)
    + '<div class="card"><h3>Weather</h3>' + (profile.temperature_by_month.length === 0
        ? '<p>No city here is in the temperature file.</p>'
        : '<div class="chart small" id="chart-temperature" data-title="Mean temperature by month, °C"></div>'
          + '<small>The last three years each city was measured (us_temperature)'
          + (profile.temperature_by_month.length > MAX_TEMPERATURE_CITIES ? '; the first ' + MAX_TEMPERATURE_CITIES + ' of '
            + profile.temperature_by_month.length + ' cities by name' : '') + '.</small>')
    + '</div>'
    + airports(profile.airports)
    + '<div class="card"><h3>Arrivals: ' + number(profile.arrivals.total) + '</h3><small>' + escapeHtml(profile.arrivals.meaning) + '</small>'
    + (profile.arrivals.total === 0 ? '<p>No arrivals in the lake.</p>'
      : '<div class="chart small" id="chart-profile-months" data-title="By month"></div>'
        + '<div class="chart small" id="chart-profile-visa" data-title="Visa category"></div>'
        + '<div class="chart small" id="chart-profile-countries" data-title="Top countries of residence"></div>')
    + '</div></div>';
  if (d && d.cities > 0) drawPeople(d);
  if (profile.temperature_by_month.length > 0) {
    lines('chart-temperature', profile.temperature_by_month.slice(0, MAX_TEMPERATURE_CITIES).map(city => ({name: city.city,
      points: city.months.map(m => [m.measured_on, m.avg_temp_c])})));
  }
  if (profile.arrivals.total > 0) {
    bar('chart-profile-months', profile.arrivals.by_month.map(m => ({name: m.month, value: m.arrivals})));
    pie('chart-profile-visa', profile.arrivals.by_visa_category.map(v => ({name: v.visa_category, value: v.arrivals})));
    bar('chart-profile-countries', profile.arrivals.by_residence_country.map(c => ({name: c.country, value: c.arrivals})), true);
  }
}

function people(d) {
  if (!d || d.cities === 0) {
    return '<div class="card"><h3>People</h3><p>No city here is in the demographics file (cities of 65,000 people or more).</p></div>';
  }
  return '<div class="card"><h3>People</h3>' + table([
      {k: 'population', v: number(d.population)}, {k: 'foreign-born share', v: d.foreign_born_share == null ? '' : (100 * d.foreign_born_share).toFixed(1) + ' %'},
      {k: 'median age', v: d.median_age}, {k: 'cities counted', v: d.cities}], [['k', ''], ['v', '']])
    + '<div class="chart small" id="chart-born" data-title="Born abroad or in the US"></div>'
    + '<div class="chart small" id="chart-race" data-title="Race and ethnicity, % of people"></div>'
    + '<small>' + escapeHtml(d.note) + '; a person may count in several races, so the shares need not add up to 100 %.</small></div>';
}

function drawPeople(d) {
  pie('chart-born', [{name: 'born abroad', value: d.foreign_born}, {name: 'born in the US', value: d.population - d.foreign_born}]);
  bar('chart-race', Object.entries(d.race).filter(([, people]) => people != null).map(([race, people]) => ({name: RACE_NAMES[race] || race,
    value: Math.round(1000 * people / d.population) / 10})), true, '#2a9d8f');
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

document.getElementById('search-form').addEventListener('submit', event => {
  event.preventDefault();
  go('destinations', new URLSearchParams({q: document.getElementById('search-text').value.trim()}));
});
