// Search on /search/ with Pagefind. This file is served as it is (not bundled) because the
// strict Content-Security-Policy only allows scripts from this site, and Pagefind must be
// loaded with a plain dynamic import. Everything runs in the browser: the index is static
// files on this site, so no search words are sent anywhere.

import { ageInQuery } from './search-age.js';

// Names match src/lib/directory/search-filters.ts, which puts them on service pages.
const FILTERS = [
  ['kind', 'Show only'],
  ['need', 'Area of need'],
  ['category', 'Type of service'],
  ['age', 'Age'],
  ['level', 'Level of support'],
  ['route', 'How you get it'],
  ['cost', 'Cost'],
  ['locality', 'Place'],
];
const PAGE_SIZE = 10;

const root = document.querySelector('[data-search]');
const form = root.querySelector('form');
const input = root.querySelector('input[name="q"]');
const status = root.querySelector('[data-status]');
const list = root.querySelector('[data-results]');
const more = root.querySelector('[data-more]');
const none = root.querySelector('[data-no-results]');
const noneQuery = root.querySelector('[data-no-results-query]');
const noneFiltered = root.querySelector('[data-no-results-filtered]');
const clearFilters = root.querySelector('[data-clear-filters]');
const filterBox = root.querySelector('[data-filters]');
const filterPanel = root.querySelector('[data-filters-panel]');
const ageBands = JSON.parse(root.dataset.ageBands ?? '[]');
// Abbreviations from the glossary (src/lib/directory/synonyms.ts exactSearchWords), matched whole only.
const exactWords = new Set(JSON.parse(root.dataset.exactWords ?? '[]'));

/**
 * How results are ranked. Pages carry the other words for what they are about as metadata
 * (src/components/directory/SearchWords.astro): the words for the term a page's title names count most,
 * then other words for its title and keywords, then words only its description brings in. These
 * weights put the page about a term first for its abbreviation ("EHCP": the EHC plan pathway
 * second, after the timeline calculator; it was not in the top ten), measured over 23 searches
 * parents make in docs/search.md.
 */
const RANKING = { metaWeights: { topic: 10, words: 5, morewords: 1 } };

/**
 * The words of a query that must match whole: glossary abbreviations and words typed in
 * capitals. Pagefind matches the start of longer words too, so "SALT" would find every word that starts with "salt".
 */
function wholeWordsIn(query) {
  return query
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length >= 2 && (exactWords.has(word.toLowerCase()) || /^\p{Lu}+$/u.test(word)));
}

/**
 * Search, keeping only pages that have each whole word as a word (a quoted search in Pagefind),
 * in the order of the ordinary, ranked search. A page found only through the whole word takes
 * that search's excerpt, which highlights the word rather than the longer ones it starts.
 */
async function rankedSearch(query, options) {
  const ranked = await pagefind.search(query || null, options);
  const whole = query ? wholeWordsIn(query) : [];
  if (!whole.length) return ranked;
  const exact = await Promise.all(whole.map((word) => pagefind.search(`"${word}"`, options)));
  const allowed = exact.map((response) => new Map(response.results.map((r) => [r.id, r])));
  // "SALT" alone: its exact search has the right excerpts and filter counts.
  const alone = whole.length === 1 && query.trim().split(/\s+/).length === 1;
  const results = ranked.results.filter((r) => allowed.every((ids) => ids.has(r.id))).map((r) => (alone ? allowed[0].get(r.id) : r));
  return { ...ranked, results, filters: alone ? exact[0].filters : ranked.filters };
}

// The form is already in place. The ways to browse without it, below it and off the first
// screen, give way to room kept for the results, in one step, so nothing in view moves.
root.querySelector('[data-search-button]').disabled = false;
root.classList.add('search--running');
document.querySelector('[data-search-fallback]').hidden = true;

let pagefind;
// The filters' counts need Pagefind's whole filter index, which grows with the directory (about
// a megabyte at 20,000 services), so it is fetched only when someone asks to filter, or arrives
// with filters already chosen, not for every first search.
let wantFilters = false;
let filtersLoaded = false;
let results = [];
let shown = 0;
let run = 0;
const pageTitle = document.title;
/** What this page held when the reader left it, if they have come back to it (used once). */
let comingBack = history.state;

/** Chosen filters from the address: ?need=Health&need=…  */
function chosenFilters(params) {
  const chosen = {};
  for (const [key] of FILTERS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) chosen[key] = values;
  }
  return chosen;
}

function writeAddress(query, chosen) {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [key, values] of Object.entries(chosen)) for (const v of values) params.append(key, v);
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

/** Copies Pagefind's excerpt keeping only text and <mark>, so nothing else can become markup. */
function safeExcerpt(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  const copy = (node, into) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) into.append(child.textContent);
      else if (child.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        copy(child, mark);
        into.append(mark);
      } else copy(child, into);
    }
  };
  copy(template.content, out);
  return out;
}

/** The address of this search without its filters. */
function unfiltered(query) {
  return query ? `${location.pathname}?${new URLSearchParams({ q: query })}` : location.pathname;
}

function renderFilters(counts, chosen, query) {
  // The boxes are drawn again with the new counts: the one that had focus gets it back, so a
  // keyboard or screen reader user stays where they were (WCAG 2.4.3).
  const focused = filterBox.contains(document.activeElement) && document.activeElement instanceof HTMLInputElement ? [document.activeElement.name, document.activeElement.value] : undefined;
  filterBox.replaceChildren();
  for (const [key, legendText] of FILTERS) {
    const values = Object.entries(counts[key] ?? {}).filter(([value, count]) => count > 0 || chosen[key]?.includes(value));
    if (!values.length) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'search-filters__group';
    const legend = document.createElement('legend');
    legend.textContent = legendText;
    fieldset.append(legend);
    values.sort(([a], [b]) => a.localeCompare(b, 'en-GB', { numeric: true }));
    values.forEach(([value, count], index) => {
      const id = `filter-${key}-${index}`;
      const item = document.createElement('div');
      item.className = 'search-filters__item';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.name = key;
      box.value = value;
      box.checked = Boolean(chosen[key]?.includes(value));
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = `${value} (${count})`;
      item.append(box, label);
      fieldset.append(item);
    });
    filterBox.append(fieldset);
  }
  if (Object.keys(chosen).length) {
    const clear = document.createElement('a');
    clear.className = 'search-filters__clear';
    clear.href = unfiltered(query);
    clear.textContent = 'Clear filters';
    filterBox.append(clear);
  }
  filterBox.hidden = filterBox.childElementCount === 0;
  if (focused) [...filterBox.querySelectorAll('input[type="checkbox"]')].find((box) => box.name === focused[0] && box.value === focused[1])?.focus();
}

// Loads the next batch's pages; draws nothing if a newer search started meanwhile.
async function nextBatch() {
  const started = run;
  const batch = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(batch.map((r) => r.data()));
  return started === run ? data : null;
}

function drawBatch(data) {
  let firstLink;
  for (const page of data) {
    const li = document.createElement('li');
    li.className = 'search-result';
    const heading = document.createElement('h2');
    heading.className = 'search-result__title';
    const link = document.createElement('a');
    link.href = page.url;
    link.textContent = page.meta?.title ?? page.url;
    heading.append(link);
    li.append(heading);
    firstLink ??= link;
    if (page.meta?.organisation) {
      const caption = document.createElement('p');
      caption.className = 'search-result__meta';
      caption.textContent = `Service run by ${page.meta.organisation}`;
      li.append(caption);
    }
    const excerpt = document.createElement('p');
    excerpt.append(safeExcerpt(page.excerpt));
    li.append(excerpt);
    list.append(li);
  }
  shown += data.length;
  more.hidden = shown >= results.length;
  return firstLink;
}

/** What the status says of the results on the page. */
let summary = '';

async function showMore() {
  const data = await nextBatch();
  if (!data) return;
  // Focus goes to the first new result, so nobody has to go back through the ones before it,
  // and the status says how many are now shown.
  drawBatch(data)?.focus();
  status.textContent = `Showing ${shown} of ${summary}`;
  remember();
}

/** How many results are shown, kept with this page in the history, so Back from a result finds it again. */
function remember() {
  history.replaceState({ ...(history.state ?? {}), shown, scrollY: window.scrollY }, '');
}

/** Opens the filters for a search that has chosen some already (which loads their counts). */
function openFilters() {
  wantFilters = true;
  filterPanel.open = true;
}

/** A filter choice held by the form until the results draw the filter's checkboxes. */
function holdFilter(key, value) {
  const hidden = document.createElement('input');
  hidden.type = 'hidden';
  hidden.name = key;
  hidden.value = value;
  filterBox.append(hidden);
}

async function search(updateAddress) {
  let chosen = chosenFilters(new URLSearchParams(new FormData(form)));
  // "autism 7 year old": the age becomes the age filter (shown ticked, so it can be unticked),
  // and the search goes on with the other words.
  let ageNote = '';
  const age = chosen.age ? undefined : ageInQuery(input.value.trim(), ageBands);
  if (age) {
    input.value = age.rest;
    holdFilter('age', age.band);
    chosen = chosenFilters(new URLSearchParams(new FormData(form)));
    ageNote = ` Showing ${age.band.toLowerCase()}, from the age in your search.`;
    openFilters();
  }
  const query = input.value.trim();
  if (updateAddress || age) writeAddress(query, chosen);
  const thisRun = ++run;
  if (!query && !Object.keys(chosen).length) {
    list.replaceChildren();
    more.hidden = true;
    none.hidden = true;
    filterPanel.toggleAttribute('data-pending', true);
    status.textContent = 'Type what you are looking for, such as "speech therapy", "EHCP" or "short breaks".';
    return;
  }
  status.textContent = 'Searching…';
  if (!pagefind) {
    pagefind = await import('/pagefind/pagefind.js');
    // Search on the page itself: a directory of thousands of services searches in milliseconds,
    // and Pagefind's web worker would be 12 KB more to download on a slow connection.
    await pagefind.options({ noWorker: true, ranking: RANKING });
  }
  if ((wantFilters || Object.keys(chosen).length) && !filtersLoaded) {
    // Loads the filter index; without it Pagefind returns results but no filter counts.
    await pagefind.filters();
    filtersLoaded = true;
  }
  const filters = Object.fromEntries(Object.entries(chosen).map(([k, v]) => [k, { any: v }]));
  const response = await rankedSearch(query, Object.keys(filters).length ? { filters } : {});
  if (thisRun !== run) return;
  results = response.results;
  shown = 0;
  // The count is announced only once the first results are on the page.
  const first = await nextBatch();
  if (!first) return;
  list.replaceChildren();
  drawBatch(first);
  // Coming back to this page (Back from a result): as many results as were shown, where they were.
  const restore = comingBack;
  comingBack = undefined;
  while (restore?.shown > shown && shown < results.length) {
    const data = await nextBatch();
    if (!data) return;
    drawBatch(data);
  }
  if (restore?.scrollY) window.scrollTo(0, restore.scrollY);
  if (filtersLoaded) renderFilters(response.filters ?? {}, chosen, query);
  // The filter shows once there is something to filter (or a filter to take off).
  filterPanel.toggleAttribute('data-pending', results.length === 0 && !Object.keys(chosen).length);
  none.hidden = results.length > 0;
  noneQuery.textContent = query;
  const filtered = Object.keys(chosen).length > 0;
  noneFiltered.hidden = !filtered;
  clearFilters.href = unfiltered(query);
  const count = results.length;
  status.textContent =
    count === 0
      ? query
        ? `No results for “${query}”${Object.keys(chosen).length ? ' with these filters' : ''}.`
        : 'Nothing matches all of these choices. Try removing one.'
      : `${count} ${count === 1 ? 'result' : 'results'}${query ? ` for “${query}”` : ''}.`;
  summary = status.textContent;
  status.textContent += ageNote;
  document.title = query ? `“${query}” – ${pageTitle}` : pageTitle;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  search(true);
});
filterBox.addEventListener('change', () => search(true));
more.addEventListener('click', () => showMore());
// Where the reader was, kept as they leave for a result (the page may not be kept whole).
addEventListener('pagehide', () => remember());
history.scrollRestoration = 'manual';
// Opening "Filter results" loads the filters' counts; focus stays on the summary, where it was.
filterPanel.addEventListener('toggle', () => {
  if (!filterPanel.open || wantFilters) return;
  wantFilters = true;
  search(false);
});

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
const initial = chosenFilters(params);
// Filters come from the address until the first results draw the checkboxes.
for (const [key, values] of Object.entries(initial)) for (const value of values) holdFilter(key, value);
// Choices already made are shown, so they can be seen and taken off.
if (Object.keys(initial).length) openFilters();
search(false);
