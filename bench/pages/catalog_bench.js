// The same catalog queries over the same 100,000 rewards, through the wasm
// core (as the widget runs them: a query string in, a JSON page out) and
// through an idiomatic plain-JS implementation (fold once, then filter,
// sort and slice per query). Reports medians; timings are not asserted.
import { loadKindredCore } from '/dist/index.js';

const COUNT = 100000;
const RUNS = 21;
const TODAY = '2026-11-23';
const POINTS = 1800;

function syntheticRewards() {
  const adjectives = ['Alpine', 'Café', 'Crème', 'Summit', 'Trail', 'Piñata', 'Coastal', 'Forest', 'Rapid', 'Ultra'];
  const nouns = ['jacket', 'thermos', 'tent', 'boots', 'socks', 'mug', 'pack', 'lantern', 'map', 'voucher'];
  const categories = ['gear', 'apparel', 'experiences', 'shipping', 'donations', 'gift-cards'];
  let seed = 7;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `r${i}`,
    name: `${adjectives[next() % 10]} ${adjectives[next() % 10]} ${nouns[next() % 10]} ${i % 97}`,
    description: `Made for ${nouns[next() % 10]}`,
    cost: 100 + (next() % 6000), category: categories[next() % 6], imageUrl: null,
    stock: next() % 10 === 0 ? 0 : null, popularity: next() % 100000,
    createdAt: `2026-${next() % 2 ? '10' : '11'}-1${next() % 10}T12:00:00Z`,
    tierRequired: next() % 12 === 0 ? 'summit' : null, earlyAccess: null,
  }));
}

const QUERIES = [
  { label: "search 'cafe' + gear + in stock, popular", text: 'cafe', categories: ['gear'], inStock: true, sort: 'popular' },
  { label: "search 'tr', cost ascending", text: 'tr', sort: 'cost-asc' },
  { label: 'affordable now, closest to affordable', affordable: true, sort: 'closest' },
  { label: "search 'summit jack', newest", text: 'summit jack', sort: 'newest' },
];

// ---- plain JS, as a web developer would write it ----
const fold = (text) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
function plainIndex(rewards) {
  return rewards.map((r) => ({ ...r, words: fold(`${r.name} ${r.description}`).split(/[^\p{L}\p{N}]+/u).filter(Boolean) }));
}
const TIERS = ['explorer', 'trailblazer', 'summit', 'peak'];
const MY_TIER = 1;
function plainQuery(index, q) {
  const needles = fold(q.text ?? '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const matches = index.filter((r) => {
    if (needles.length && !needles.every((n) => r.words.some((w) => w.startsWith(n)))) return false;
    if (q.categories?.length && !q.categories.includes(r.category)) return false;
    if (q.inStock && r.stock === 0) return false;
    const locked = r.tierRequired && TIERS.indexOf(r.tierRequired) > MY_TIER;
    if (q.affordable && (r.stock === 0 || locked || r.cost > POINTS)) return false;
    return true;
  });
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const comparators = {
    popular: (a, b) => b.popularity - a.popularity || byId(a, b),
    'cost-asc': (a, b) => a.cost - b.cost || byId(a, b),
    newest: (a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : byId(a, b)),
    closest: (a, b) => {
      const aIn = a.cost <= POINTS; const bIn = b.cost <= POINTS;
      if (aIn !== bIn) return aIn ? 1 : -1;
      return (aIn ? b.cost - a.cost : a.cost - b.cost) || byId(a, b);
    },
  };
  matches.sort(comparators[q.sort]);
  return { total: matches.length, items: matches.slice(0, 20) };
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
function time(fn) {
  const samples = [];
  let result;
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), result };
}

const rewards = syntheticRewards();
const engine = await loadKindredCore();
const core = new engine.Core();
core.ingest('program', JSON.stringify({ id: 'p', name: 'P', currency: { singular: 'point', plural: 'points' },
  earnRate: { pointsPerUnit: 10, currency: 'USD' },
  tiers: TIERS.map((id, i) => ({ id, name: id, threshold: i * 1000 })) }));
core.ingest('member', JSON.stringify({ id: 'm', points: POINTS, qualifyingPoints: 1200, tierId: 'trailblazer' }));
let start = performance.now();
for (let i = 0; i < COUNT; i += 500) core.ingest('rewards', JSON.stringify({ items: rewards.slice(i, i + 500), nextCursor: null }));
JSON.parse(core.catalogView('{}', TODAY));  // builds the indexes
const wasmIngestMs = performance.now() - start;
start = performance.now();
const index = plainIndex(rewards);
const plainIndexMs = performance.now() - start;

const results = QUERIES.map(({ label, ...query }) => {
  const wasm = time(() => JSON.parse(core.catalogView(JSON.stringify(query), TODAY)));
  const plain = time(() => plainQuery(index, query));
  const same = wasm.result.total === plain.result.total &&
    wasm.result.items.map((i) => i.id).join() === plain.result.items.map((i) => i.id).join();
  return { label, wasmMs: wasm.ms, plainMs: plain.ms, ratio: wasm.ms / plain.ms, sameResults: same, matches: plain.result.total };
});
core.delete();
window.__catalogBench = { count: COUNT, runs: RUNS, wasmIngestMs, plainIndexMs, results };
document.querySelector('#status').textContent = 'done';
