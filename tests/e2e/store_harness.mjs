// What every browser suite needs: the reference backend on a free port with
// a fresh database, serving the demo store and dist/, and one Chromium.
// Call at the top level of a test file; read env.server and env.browser in tests.
import { before, after } from 'node:test';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServer } from '../js/start_server.mjs';
import { launchChromium } from './chromium.mjs';

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
