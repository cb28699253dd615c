// The widget's fairness check (the core in wasm, as shipped) against an
// independent implementation in Node's crypto, written from the contract text
// in openapi.yaml: for thousands of seeds, the widget draws the same prize and
// verifies the honest answer, and rejects the answer with another prize.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { loadKindredCore } from '../../dist/index.js';

const wasmBinary = readFileSync(new URL('../../dist/kindred-core.wasm', import.meta.url));
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The draw exactly as openapi.yaml describes it. */
function draw(serverSeed, clientSeed, nonce, prizes) {
  const digest = createHmac('sha256', serverSeed).update(`${clientSeed}:${nonce}`).digest();
  const total = prizes.reduce((sum, prize) => sum + prize.weight, 0);
  const limit = Math.floor(2 ** 32 / total) * total;
  let word = 0;
  for (let i = 0; i < 8; i += 1) {
    word = digest.readUInt32BE(4 * i);
    if (word < limit) break;
  }
  const r = word % total;
  let cumulative = 0;
  return prizes.findIndex((prize) => (cumulative += prize.weight) > r);
}

function tableHash(prizes) {
  const bytes = (text) => Buffer.byteLength(text, 'utf8');
  return sha256(prizes.map((p) => `${bytes(p.id)}:${p.id}${bytes(p.label)}:${p.label}${p.points},${p.weight};`).join(''));
}

const PRIZES = [
  { id: 'p5', label: '5 points', points: 5, weight: 37 },
  { id: 'p50', label: '50 points', points: 50, weight: 21 },
  { id: 'ship', label: 'Free shipping ✈', points: 0, weight: 13 },
  { id: 'p500', label: '500 "points"', points: 500, weight: 2 },
  { id: 'none', label: 'Better luck next time', points: 0, weight: 27 },
];

const MEMBER = { id: 'm_ada', name: 'Ada', points: 1000, pendingPoints: 0, lifetimePoints: 1000, qualifyingPoints: 0, tierId: null, tierWindowEnd: null, expiring: [] };

function gamesPayload(serverSeed, nonce) {
  return JSON.stringify({ games: [{ id: 'spin-wheel', kind: 'wheel', title: 'Spin', cost: 0, playsLeft: 3, playsPerDay: 3,
    prizes: PRIZES, prizeTableHash: tableHash(PRIZES), commitment: sha256(serverSeed), nonce }] });
}

function answer(serverSeed, clientSeed, nonce, index) {
  return JSON.stringify({
    play: { id: 'ply_1', gameId: 'spin-wheel', kind: 'wheel', pointsSpent: 0, pointsWon: PRIZES[index].points, playsLeft: 2,
      createdAt: '2026-11-23T10:00:00Z', prizeIndex: index, prize: PRIZES[index],
      proof: { serverSeed, clientSeed, nonce, commitment: sha256(serverSeed), prizeTableHash: tableHash(PRIZES) },
      nextCommitment: sha256('next') },
    member: MEMBER,
  });
}

test('the widget draws what an independent implementation draws, for 3,000 seeds', async () => {
  const module = await loadKindredCore({ wasmBinary });
  const counts = PRIZES.map(() => 0);
  for (let i = 0; i < 3000; i += 1) {
    const core = new module.Core();
    try {
      const serverSeed = randomBytes(32).toString('hex');
      const nonce = i;
      assert.deepEqual(JSON.parse(core.ingest('games', gamesPayload(serverSeed, nonce))), { ok: true });
      const clientSeed = randomBytes(16).toString('hex');
      const started = JSON.parse(core.play('spin-wheel', clientSeed, `nonce-${String(i).padStart(6, '0')}`));
      assert.equal(started.ok, true);
      const expected = draw(serverSeed, clientSeed, nonce, PRIZES);
      counts[expected] += 1;
      const view = JSON.parse(core.playAnswer('spin-wheel', 201, answer(serverSeed, clientSeed, nonce, expected)));
      assert.equal(view.fairness, 'verified', `seed ${serverSeed}`);
      assert.equal(view.proof.drawnIndex, expected);
      if (i % 10 === 0) {
        // Another prize than the draw's: flagged, and still shown as the server said.
        const other = new module.Core();
        other.ingest('games', gamesPayload(serverSeed, nonce));
        other.play('spin-wheel', clientSeed, 'nonce-other0');
        const wrong = (expected + 1) % PRIZES.length;
        const flagged = JSON.parse(other.playAnswer('spin-wheel', 201, answer(serverSeed, clientSeed, nonce, wrong)));
        other.delete();
        assert.equal(flagged.fairness, 'prize-does-not-match-draw');
        assert.equal(flagged.prizeIndex, wrong);
      }
    } finally {
      core.delete();
    }
  }
  // Every prize with a weight came up (a sanity check of the inputs, not of chance).
  assert.ok(counts.every((count) => count > 0), String(counts));
});
