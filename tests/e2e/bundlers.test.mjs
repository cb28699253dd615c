// Kindred as a web developer gets it from npm: `npm pack`, the tarball
// installed into a fresh Vite app and a fresh webpack app (tests/bundlers/,
// default configs, no config file), built with each bundler and opened in
// Chromium against the reference backend. This catches what only a bundler
// sees: the .wasm found through `new URL(..., import.meta.url)`, the engine's
// glue split out of `import()`, `exports` resolving, files missing from the
// package, Node built-ins that a browser bundle cannot have.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

import { launchChromium } from './chromium.mjs';
import { openStore, repoRoot, screenshotDir } from './store_harness.mjs';
import { startServer } from '../js/start_server.mjs';
import { getMemberJson } from '../js/member_tokens.mjs';

// Each app builds into dist/, the default of both bundlers. The bundlers are
// the repo's devDependencies: the apps live under build/, inside the repo,
// so Node's upward lookup also finds what the bundlers themselves need.
const APPS = [
  { name: 'vite-app', member: 'm_ada', build: ['node_modules/vite/bin/vite.js', 'build'] },
  { name: 'webpack-app', member: 'm_grace', build: ['node_modules/webpack-cli/bin/cli.js', '--mode', 'production'] },
];

// A browser bundle that asks for one of these fails at run time (Vite swaps
// them for a stub that throws, "__vite-browser-external"). The engine glue's
// own `typeof process == "object" && process.versions.node` probe is guarded
// and harmless, so it is not looked for; a page error would show it anyway.
const NODE_BUILTINS = /\brequire\(\s*["'`](node:)?(fs|path|url|os|crypto|module|child_process|worker_threads)["'`]\s*\)|["'`]node:[a-z_/]+["'`]|__vite-browser-external|\bcreateRequire\b/;

// Children see none of the npm_* variables that `npm test` sets: an inherited
// npm_config_local_prefix would make `npm install` install into the repo.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

/** Runs a command to completion; rejects with its whole output, resolves with it. */
async function run(command, args, cwd) {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd, env: childEnv, maxBuffer: 64 << 20 });
    return `${stdout}${stderr}`;
  } catch (error) {
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
  }
}

const filesUnder = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name));

const gzipKb = (files) => (files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0) / 1024).toFixed(1);

let tarball;
let browser;
let packDir;

before(async () => {
  for (const file of ['index.js', 'kindred-core.mjs', 'kindred-core.wasm']) {
    if (!existsSync(join(repoRoot, 'dist', file))) {
      throw new Error(`dist/${file} is missing: build the package first (npm run build); this test packs dist/ as it is.`);
    }
  }
  mkdirSync(screenshotDir, { recursive: true });
  packDir = mkdtempSync(join(tmpdir(), 'kindred-pack-'));
  const [packed] = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', packDir], repoRoot));
  tarball = join(packDir, packed.filename);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

for (const app of APPS) {
  test(`${app.name}: the packed package installs, builds with the default config and shows the balance`, async (t) => {
    // A fresh copy per run: nothing left from an earlier build or install.
    mkdirSync(join(repoRoot, 'build/bundler-apps'), { recursive: true });
    const appDir = mkdtempSync(join(repoRoot, 'build/bundler-apps', `${app.name}-`));
    cpSync(join(repoRoot, 'tests/bundlers', app.name), appDir, { recursive: true });
    // The tarball has no dependencies, so this needs no registry.
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], appDir);
    assert.ok(existsSync(join(appDir, 'node_modules/kindred-loyalty/package.json')),
      `npm install left no node_modules/kindred-loyalty in ${appDir}`);

    const started = Date.now();
    const log = await run(process.execPath, [join(repoRoot, app.build[0]), ...app.build.slice(1)], appDir);
    t.diagnostic(`${app.name} built in ${Date.now() - started} ms`);
    // A warning here is one every developer using this bundler would see.
    const warnings = log.split('\n').filter((line) => /warn/i.test(line));
    assert.deepEqual(warnings, [], `the build warned:\n${log}`);

    const outDir = join(appDir, 'dist');
    const files = filesUnder(outDir);
    const scripts = files.filter((file) => /\.m?js$/.test(file));
    const wasmFiles = files.filter((file) => file.endsWith('.wasm'));
    const where = `in ${relative(repoRoot, outDir)}: ${files.map((file) => relative(outDir, file)).join(', ')}`;
    assert.equal(wasmFiles.length, 1, `expected the engine's .wasm as exactly one asset ${where}`);
    assert.ok(readFileSync(wasmFiles[0]).equals(readFileSync(join(appDir, 'node_modules/kindred-loyalty/dist/kindred-core.wasm'))),
      'the emitted .wasm differs from the package\'s');
    const wasmName = basename(wasmFiles[0]);
    assert.ok(scripts.some((file) => readFileSync(file, 'utf8').includes(wasmName)),
      `no JS refers to the emitted ${wasmName}: the bundler did not rewrite new URL(..., import.meta.url) ${where}`);
    for (const file of scripts) {
      const match = readFileSync(file, 'utf8').match(NODE_BUILTINS);
      assert.equal(match?.[0], undefined, `${relative(outDir, file)} asks for a Node built-in`);
    }
    t.diagnostic(`${app.name} gzipped: JS ${gzipKb(scripts)} KiB, wasm ${gzipKb(wasmFiles)} KiB`);

    // The app and the API on one origin, as a shop would serve them.
    const server = await startServer({
      // The app at /, and the demo brand's images (its logo) where its backend serves them.
      args: ['--port', '0', '--db', join(appDir, 'demo.sqlite3'), '--seed', 'demo/seed', '--static', `/=${outDir}`,
        '--static', '/images=demo/site/images'],
    });
    t.after(() => server.stop());

    const failures = [];
    const responses = [];
    const { page, problems } = await openStore({ server, browser }, t, {
      member: app.member,
      prepare: async (page) => {
        page.on('console', (message) => {
          // Chromium asks for /favicon.ico by itself; the apps have none, like most fixtures.
          const { url } = message.location();
          if (message.type() === 'error' && !url.endsWith('/favicon.ico')) failures.push(`console: ${message.text()} ${url}`);
        });
        page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
        page.on('response', (response) => {
          responses.push(response);
          if (response.status() >= 400) failures.push(`HTTP ${response.status()}: ${response.url()}`);
        });
        await page.addInitScript(() => {
          window.__kindredErrors = [];
          document.addEventListener('kindred:error', (event) => window.__kindredErrors.push(event.detail));
        });
      },
    });

    // The progress bar is drawn from the engine's view, so it shows only when
    // the wasm really runs; the no-engine fallback shows a balance and no bar.
    // Wait for either, so that a broken engine fails with its reason below.
    const widget = page.locator('#rewards kindred-widget');
    await widget.getByRole('progressbar').or(widget.locator('.fallback')).filter({ visible: true }).first()
      .waitFor({ timeout: 20_000 })
      .catch((error) => assert.fail(`the widget never rendered: ${[...problems, ...failures].join('\n') || error.message}`));
    await page.screenshot({ path: join(screenshotDir, `bundler-${app.name}.png`) });
    assert.deepEqual(await page.evaluate(() => window.__kindredErrors), [], 'the widget emitted kindred:error');
    assert.ok(await widget.getByRole('progressbar').isVisible(), 'no progress bar: the engine did not render');
    const { points } = await getMemberJson(server.url, app.member, 'v1/member');
    const shown = await widget.evaluate((element) => element.shadowRoot.querySelector('.balance-value')?.textContent.trim());
    assert.equal(shown, new Intl.NumberFormat('en').format(points), 'the balance in the widget\'s shadow root is not the backend\'s');
    const wasmResponse = responses.find((response) => response.url().endsWith(`/${wasmName}`));
    assert.equal(wasmResponse?.headers()['content-type'], 'application/wasm', `the page did not fetch ${wasmName} as application/wasm`);

    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
    assert.deepEqual([...problems, ...failures], [], 'page errors, console errors or failed requests');
    rmSync(appDir, { recursive: true, force: true });  // kept only when the test failed, to look at
  });
}
