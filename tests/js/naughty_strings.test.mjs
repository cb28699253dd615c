// Every string of the Big List of Naughty Strings (../shared/corpora) as a
// reward's name and description, and as a shopper's search: the wasm core
// takes them all, never errors, and searching for a reward's exact name
// always finds it somewhere in the results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadKindredCore } from '../../dist/index.js';

const root = new URL('../..', import.meta.url).pathname;
const naughty = JSON.parse(readFileSync(join(root, '../shared/corpora/naughty-strings/blns.json'), 'utf8'));

test('naughty strings are catalog names, descriptions and searches like any other', async () => {
  const strings = naughty.filter((text) => text !== '');  // a name must not be empty: checked by the ingest tests
  assert.ok(strings.length > 400, `only ${strings.length} strings`);
  const engine = await loadKindredCore({ wasmBinary: readFileSync(join(root, 'dist/kindred-core.wasm')) });
  const core = new engine.Core();
  core.ingest('program', readFileSync(join(root, 'demo/seed/program.json'), 'utf8'));
  core.ingest('member', JSON.stringify({ id: 'm', points: 500, qualifyingPoints: 500 }));
  const items = strings.map((text, i) => ({
    id: `r${i}`, name: text, description: text, cost: i, category: 'gear', imageUrl: null, stock: null,
    popularity: i, createdAt: '2026-10-01T09:00:00Z', tierRequired: null, earlyAccess: null,
  }));
  assert.deepEqual(JSON.parse(core.ingest('rewards', JSON.stringify({ items, nextCursor: null }))),
    { ok: true, nextCursor: null });

  strings.forEach((text, i) => {
    const found = [];
    let cursor = '';
    do {
      const view = JSON.parse(core.catalogView(JSON.stringify({ text, limit: 100, cursor }), '2026-11-23'));
      assert.equal(view.error, null, `search ${JSON.stringify(text)}`);
      found.push(...view.items.map((item) => item.id));
      cursor = view.nextCursor ?? '';
    } while (cursor);
    assert.ok(found.includes(`r${i}`), `searching ${JSON.stringify(text)} does not find it`);
  });
  core.delete();
});
