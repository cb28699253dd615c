// Importing the package during server-side rendering (Next.js, Nuxt) must not
// touch window or document: a plain Node process, with no DOM at all, imports
// dist/index.js, and nothing is defined until a browser mounts the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the package imports in Node with no DOM and defines nothing there', async () => {
  for (const name of ['window', 'document', 'HTMLElement', 'customElements']) {
    assert.ok(!(name in globalThis), `${name} exists in this Node`);
  }
  const kindred = await import('../../dist/index.js');
  assert.equal(typeof kindred.mount, 'function');
  assert.equal(typeof kindred.loadKindredCore, 'function');
  assert.equal(kindred.defineKindredWidget(), undefined, 'no registry, no element');
  assert.equal(new kindred.KindredError('network', 'offline').code, 'network');
});
