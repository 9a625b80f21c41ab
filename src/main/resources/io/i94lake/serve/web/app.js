// The i94lake dashboard: the page named by the address (#page/part?query) is shown, and drawn from it, so that any
// view can be bookmarked or shared. Charts are drawn with ECharts (served from its WebJar).
'use strict';

const pages = {arrivals: showArrivals, destinations: showDestinations, regulator: showRegulator, pipeline: showPipeline};

function route() {
  const page = address().page;
  const shown = pages[page] ? page : 'arrivals';
  document.querySelectorAll('.page').forEach(p => p.classList.toggle('active', p.id === 'page-' + shown));
  document.querySelectorAll('header nav a').forEach(a => a.classList.toggle('active', a.dataset.page === shown));
  pages[shown]();
  resizeCharts();
}

window.addEventListener('hashchange', route);
window.addEventListener('resize', resizeCharts);
route();
