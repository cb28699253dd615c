// What every browser suite needs: the reference backend on a free port with
// a fresh database, serving the demo store and dist/, and one Chromium.
// Call at the top level of a test file; read env.server and env.browser in tests.
import { before, after } from 'node:test';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServer } from '../js/start_server.mjs';
import { launchChromium, VIEWPORTS } from './chromium.mjs';

export const repoRoot = new URL('../..', import.meta.url).pathname;
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

//
// editSeed(dir) may change a copy of demo/seed before the server seeds from
// it; what it returns is kept as env.seed. serverArgs go on the command line.
export function useDemoStore(suiteName, { editSeed, serverArgs = [] } = {}) {
  const env = { server: null, browser: null, seed: null };
  before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), `kindred-e2e-${suiteName}-`));
    let seedDir = 'demo/seed';
    if (editSeed) {
      seedDir = join(dir, 'seed');
      cpSync(join(repoRoot, 'demo/seed'), seedDir, { recursive: true });
      env.seed = await editSeed(seedDir);
    }
    env.server = await startServer({
      cwd: repoRoot,
      args: ['--port', '0', '--db', join(dir, 'demo.sqlite3'), '--seed', seedDir,
        '--static', '/=demo/site', '--static', '/dist=dist', ...serverArgs],
    });
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/**
 * Opens the demo store as `member` in a new context (closed after the test),
 * watching for what must never happen: page errors, dialogs (a string that
 * became script) and CSP violations (read window.__cspViolations).
 * `prepare(page)` runs before navigation (routes, init scripts).
 */
export async function openStore(env, t, { member = 'm_ada', viewport = VIEWPORTS.desktop, prepare } = {}) {
  const context = await env.browser.newContext(viewport);
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation',
      (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
  await prepare?.(page);
  await page.goto(`${env.server.url}?member=${member}`);
  return { page, widget: page.locator('kindred-widget'), problems };
}

/** Serves the store page with `policy` as its Content-Security-Policy (for openStore's prepare). */
export function withContentSecurityPolicy(env, member, policy) {
  return (page) => page.route(`${env.server.url}?member=${member}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
}

/** Rewrites one JSON file of a seed copy through `change`; returns the changed document. */
export function editSeedFile(seedDir, name, change) {
  const file = join(seedDir, name);
  const document = JSON.parse(readFileSync(file, 'utf8'));
  change(document);
  writeFileSync(file, JSON.stringify(document));
  return document;
}

/**
 * Opens the demo store as `member` on the widget's Rewards tab, once the list
 * shows. A new browser context (closed after the test) unless one is given,
 * so two tabs of one member can share one.
 */
export async function openRewardsTab(env, t, { member = 'm_ada', viewport = VIEWPORTS.desktop, context } = {}) {
  const ownContext = context ?? await env.browser.newContext(viewport);
  if (!context) t.after(() => ownContext.close());
  const page = await ownContext.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${env.server.url}?member=${member}`);
  const widget = page.locator('kindred-widget');
  await widget.getByRole('tab', { name: 'Rewards' }).click();
  await widget.locator('.reward').first().waitFor();
  return { page, widget, problems };
}
