// What every browser suite needs: the reference backend on a free port with
// a fresh database, serving the demo store and dist/, and one Chromium.
// Call at the top level of a test file; read env.server and env.browser in tests.
import { before, after } from 'node:test';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServer } from '../js/start_server.mjs';
import { launchChromium, VIEWPORTS } from './chromium.mjs';

export const repoRoot = new URL('../..', import.meta.url).pathname;
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

export function useDemoStore(suiteName) {
  const env = { server: null, browser: null };
  before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const db = join(mkdtempSync(join(tmpdir(), `kindred-e2e-${suiteName}-`)), 'demo.sqlite3');
    env.server = await startServer({
      cwd: repoRoot,
      args: ['--port', '0', '--db', db, '--seed', 'demo/seed', '--static', '/=demo/site', '--static', '/dist=dist'],
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
