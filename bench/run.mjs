// npm run bench: what a page downloads for the widget (gzipped), and the
// median time from navigation to the first rendered progress bar over cold
// loads, against a plain-JS page doing the same requests and the same bar.
// Figures are reported, not asserted: timings vary with the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServer } from '../tests/js/start_server.mjs';
import { launchChromium } from '../tests/e2e/chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const LOADS = Number(process.env.KINDRED_BENCH_LOADS ?? 15);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const db = join(mkdtempSync(join(tmpdir(), 'kindred-bench-')), 'bench.sqlite3');
const server = await startServer({
  cwd: root,
  args: ['--port', '0', '--db', db, '--seed', 'demo/seed',
    '--static', '/=demo/site', '--static', '/dist=dist', '--static', '/bench=bench/pages'],
});
const browser = await launchChromium();

async function coldLoad(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const downloads = [];
  page.on('requestfinished', (request) => downloads.push(new URL(request.url()).pathname));
  await page.goto(new URL(path, server.url).href);
  await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 20000 });
  const firstRender = await page.evaluate(() => window.__firstRender);
  await context.close();
  return { firstRender, downloads };
}

try {
  // Sizes: every /dist file the widget page actually fetched.
  const { downloads } = await coldLoad('/bench/widget.html');
  const widgetFiles = [...new Set(downloads.filter((path) => path.startsWith('/dist/')))].sort();
  const sizes = widgetFiles.map((path) => {
    const bytes = readFileSync(join(root, path));
    return { file: path.slice(1), bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
  });
  const totalGzipped = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);

  // Startup: alternate the two pages so drift in the machine hits both alike.
  const kindred = [];
  const plain = [];
  for (let i = 0; i < LOADS; i += 1) {
    kindred.push((await coldLoad('/bench/widget.html')).firstRender);
    plain.push((await coldLoad('/bench/plain.html')).firstRender);
  }
  const report = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    sizes,
    totalGzipped,
    startup: {
      loads: LOADS,
      kindredMedianMs: median(kindred),
      plainMedianMs: median(plain),
      ratio: median(kindred) / median(plain),
    },
  };

  console.log('Widget download (what the page fetched from /dist):');
  for (const { file, bytes, gzipped } of sizes) {
    console.log(`  ${file.padEnd(28)} ${String(bytes).padStart(8)} B   ${(gzipped / 1024).toFixed(1).padStart(6)} KB gz`);
  }
  console.log(`  ${'total'.padEnd(28)} ${''.padStart(8)}     ${(totalGzipped / 1024).toFixed(1).padStart(6)} KB gz`);
  console.log(`\nNavigation to first rendered progress bar, median of ${LOADS} cold loads (Chromium ${report.chromium}):`);
  console.log(`  Kindred widget (wasm core)   ${report.startup.kindredMedianMs.toFixed(1)} ms`);
  console.log(`  plain JS page, same requests ${report.startup.plainMedianMs.toFixed(1)} ms`);
  console.log(`  ratio                        ${report.startup.ratio.toFixed(2)}x`);

  // Catalog queries on 100,000 rewards: native core, then wasm vs plain JS in Chromium.
  console.log('\nCatalog queries, native core (build/native/bench/native/kindred_catalog_bench):');
  process.stdout.write(execFileSync(join(root, 'build/native/bench/native/kindred_catalog_bench')).toString()
    .replace(/^/gm, '  '));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('/bench/catalog.html', server.url).href);
  await page.waitForFunction(() => window.__catalogBench !== undefined, null, { timeout: 120000 });
  report.catalog = await page.evaluate(() => window.__catalogBench);
  await context.close();
  console.log(`\nCatalog queries in Chromium, ${report.catalog.count} rewards, median of ${report.catalog.runs}:`);
  console.log(`  load: wasm ingest + index ${report.catalog.wasmIngestMs.toFixed(0)} ms, plain JS fold + index ${report.catalog.plainIndexMs.toFixed(0)} ms`);
  for (const r of report.catalog.results) {
    console.log(`  ${r.label.padEnd(44)} wasm ${r.wasmMs.toFixed(2).padStart(7)} ms  plain JS ${r.plainMs.toFixed(2).padStart(7)} ms  ratio ${r.ratio.toFixed(2)}x${r.sameResults ? '' : '  (RESULTS DIFFER)'}`);
  }

  // Games: the core's per-frame step in Chromium (budget 1 ms of a 16.7 ms frame),
  // and scratch coverage in wasm against plain JS on the same strokes.
  const gamesContext = await browser.newContext();
  const gamesPage = await gamesContext.newPage();
  await gamesPage.goto(new URL('/bench/games.html', server.url).href);
  await gamesPage.waitForFunction(() => window.__gamesBench !== undefined, null, { timeout: 120000 });
  report.games = await gamesPage.evaluate(() => window.__gamesBench);
  await gamesContext.close();
  const { wheel, scratch, coverage } = report.games;
  const budget = (ms) => (ms <= 1 ? 'within the 1 ms budget' : 'OVER the 1 ms budget');
  console.log(`\nGame frames in Chromium, ${report.games.frames} frames:`);
  console.log(`  wheel step      mean ${(wheel.meanMs * 1000).toFixed(2)} µs, slowest block of 100 frames ${(wheel.worstBlockMs * 1000).toFixed(2)} µs a frame  (${budget(wheel.worstBlockMs)})`);
  console.log(`  scratch frame   mean ${scratch.meanMs.toFixed(3)} ms, fresh card ${scratch.freshCardMeanMs.toFixed(3)} ms, slowest block of 10 frames ${scratch.worstBlockMs.toFixed(3)} ms a frame  (${budget(scratch.worstBlockMs)})`);
  console.log(`  scratch coverage, same strokes: wasm ${coverage.wasmTotalMs.toFixed(1)} ms, plain JS ${coverage.plainTotalMs.toFixed(1)} ms,` +
    ` plain JS / wasm = ${coverage.ratio.toFixed(2)}; scratched ${(coverage.wasmFraction * 100).toFixed(2)}% vs ${(coverage.plainFraction * 100).toFixed(2)}%`);
  console.log(`  the usual JS library way (canvas erase + getImageData recount per frame): ${coverage.libraryTotalMs.toFixed(1)} ms,` +
    ` library / wasm = ${coverage.libraryRatio.toFixed(2)}; scratched ${(coverage.libraryFraction * 100).toFixed(2)}%`);

  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
} finally {
  await browser.close();
  await server.stop();
}
