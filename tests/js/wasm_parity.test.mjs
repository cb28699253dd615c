// The wasm core, loaded through the shim's own loader, answers exactly what
// the native core answers for the same script of payloads: good ones, every
// rejection path, and the valid-UTF-8 files of JSONTestSuite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

import { loadKindredCore } from '../../dist/index.js';

const root = new URL('../..', import.meta.url).pathname;
const nativeScript = join(root, 'build/native/tests/tools/kindred_core_script');
const corpusDir = join(root, '../shared/corpora/json-test-suite/test_parsing');

const program = JSON.stringify(JSON.parse(readFileSync(join(root, 'demo/seed/program.json'), 'utf8')));
const member = (fields) => JSON.stringify({ id: 'm_test', points: 1240, qualifyingPoints: 1380, ...fields });

// A deterministic page of rewards with accents, ties, locks and stock.
function rewardPage(from, to) {
  const names = ['Café Crème thermos', 'Trail mix', 'Crème brûlée kit', 'Summit shell', 'Piñata', 'Trail socks'];
  const categories = ['gear', 'apparel', 'experiences', 'shipping', 'donations', 'gift-cards'];
  const items = [];
  for (let i = from; i < to; i += 1) {
    items.push({
      id: `r${i}`, name: `${names[i % 6]} ${i % 7}`, description: i % 3 ? 'for the trail' : '',
      cost: 100 * ((i * 7) % 25), category: categories[(i * 5) % 6], imageUrl: null,
      stock: i % 9 === 0 ? 0 : (i % 4 === 0 ? i % 5 : null), popularity: (i * 13) % 17,
      createdAt: `2026-1${i % 2}-0${1 + (i % 9)}T0${i % 10}:00:00Z`,
      tierRequired: i % 11 === 0 ? 'summit' : null,
      earlyAccess: i % 13 === 0 ? { tierId: 'peak', until: '2026-12-01' } : null,
    });
  }
  return JSON.stringify({ items, nextCursor: null });
}

// Games: a list with hostile labels, plays and their answers
// (large nonces too: the digest and the draw must not depend on word size).
function gameLines() {
  const sha256 = (text) => createHash('sha256').update(text).digest('hex');
  const prizes = [
    { id: 'a', label: 'Zoë ☕ \u202e 𝕏', points: 5, weight: 3 },
    { id: 'b', label: 'ctl \u0001 "quoted" \\', points: 50, weight: 1 },
    { id: 'c', label: '', points: 0, weight: 2 },
  ];
  const tableHash = sha256(prizes.map((p) =>
    `${Buffer.byteLength(p.id)}:${p.id}${Buffer.byteLength(p.label)}:${p.label}${p.points},${p.weight};`).join(''));
  const lines = [];
  for (const [i, nonce] of [0, 7, 4294967296, 9007199254740991].entries()) {
    const serverSeed = sha256(`server ${i}`);
    const clientSeed = sha256(`client ${i}`).slice(0, 32);
    const games = { games: [
      { id: 'wheel', kind: 'wheel', title: 'Spin', cost: 0, playsLeft: 3, playsPerDay: 3, prizes, prizeTableHash: tableHash,
        commitment: sha256(serverSeed), nonce },
      { id: 'memory', kind: 'memory', title: 'Pairs', cost: 0, playsLeft: 1, playsPerDay: 1, prizes, prizeTableHash: tableHash,
        commitment: sha256(serverSeed), nonce, pairs: 6 },
      { id: 'quiz', kind: 'quiz', title: 'Quiz', cost: 0, playsLeft: 1, playsPerDay: 1, pointsPerCorrect: 10,
        questions: [{ id: 'q', text: 'Q?', options: ['x', 'y'], timeLimitSeconds: 20 }] },
      { id: 'checkin', kind: 'checkin', title: 'Check in', cost: 0, playsLeft: 1, playsPerDay: 1, today: '2027-01-01',
        timeZone: 'Asia/Tokyo', checkIns: ['2026-12-30', '2026-12-31'], pointsPerCheckIn: 5,
        streakRewards: [{ day: 3, points: 20, label: '3 days' }] },
    ] };
    lines.push(`ingest games ${JSON.stringify(games)}`, 'games');
    for (const game of ['wheel', 'memory']) {
      // No answer first (the play stays open, and is sent again), then one;
      // its verdict, right or wrong, must be the same in both cores.
      for (const status of [0, 201]) {
        lines.push(`play ${game} ${clientSeed} nonce-${game}-${i}`);
        const index = (i + (game === 'memory' ? 1 : 0)) % 3;
        const play = { id: 'ply', gameId: game, kind: game, pointsSpent: 0, pointsWon: prizes[index].points, playsLeft: 2,
          createdAt: '2026-11-23T10:00:00Z', prizeIndex: index, prize: prizes[index], nextCommitment: sha256('next'),
          proof: { serverSeed, clientSeed, nonce, commitment: sha256(serverSeed), prizeTableHash: tableHash } };
        lines.push(`answer ${game} ${status} ${JSON.stringify({ play, member: JSON.parse(member({})) })}`);
      }
    }
    lines.push('play checkin 00 nonce-checkin', 'games');
  }
  lines.push('ingest games {"games":[{"id":"w","kind":"slots"}]}', 'games', 'answer nothing 201 {}');
  return lines;
}

// Numbers with a fraction or an exponent are parsed by strtod: wasm/small_strtod.cpp
// in wasm, glibc's natively. Points must be integers, so most of these are
// rejected after parsing; the ones that round to an integer show in the view
// as the member's points, where they land showing the rounding (ties to even
// above 2^52).
function floatLines() {
  const values = ['1e23', '0.1', '-0.0', '2.2250738585072011e-308', '2.2250738585072012e-308', '4.9406564584124654e-324',
    '2.4703282292062327e-324', '1.7976931348623157e308', '1.7976931348623159e308', '1e400', '-1e-400', '1.38e3',
    '13800e-1', '0.0000000001380e13', '1379.9999999999999', '1380.00000000000001', '1380.0000000000002',
    '4503599627370496.5', '4503599627370497.5', '4503599627370497.4999999999999999999999999999999',
    '9007199254740991.4', '9007199254740993.0', `0.${'0'.repeat(400)}1380e404`, `1380.${'0'.repeat(800)}1`,
    `${'9'.repeat(30)}e-27`];
  return values.flatMap((value) => [
    `ingest member {"id":"m_test","points":${value},"qualifyingPoints":1380}`, 'view 2026-11-23']);
}

function scriptLines() {
  const lines = [
    'view 2026-11-23',
    `ingest member ${member({ tierId: 'trailblazer' })}`,
    'view 2026-11-23',                                     // member without program: loading
    `ingest program ${program}`,
    `ingest member ${member({ tierId: 'trailblazer', expiring: [{ points: 90, date: '2026-11-30' }] })}`,
    'view 2026-11-23',
    'view 2026-12-01',                                     // the bucket is now in the past
    `ingest member ${member({ points: -1 })}`,             // rejected: last good state stays
    'view 2026-11-23',
    `ingest member ${member({ qualifyingPoints: 9007199254740991 })}`,
    'view 2026-11-23',
    `ingest member ${member({ qualifyingPoints: 499.0, pendingPoints: 12 })}`,
    'view 2028-02-29',
    `ingest program ${JSON.stringify({ ...JSON.parse(program), tiers: [] })}`,
    'view 2026-11-23',
    'ingest program {"id": tru}',
    'ingest rewardz {}',
    `ingest member {"id":"m","points":1,"qualifyingPoints":1,"name":"Zoë ☕ \\u202e 𝕏"}`,
    'view 2026-11-23',
    // Control characters come back escaped.
    `ingest member {"id":"m","points":1,"qualifyingPoints":1,"name":"ctl \\u0001\\u001f\\u007f \\u0000 end"}`,
    'view 2026-11-23',
    // Rejected: "<U+0001>" in the message, from wasm's own snprintf (wasm/small_snprintf.cpp) against glibc's.
    `ingest member {"id":"m","points":1,"name":"raw \u0001 control"}`,
    `ingest program ${program}`,
    `ingest member ${member({ points: 1240, tierId: 'trailblazer' })}`,
    'catalog 2026-11-23 {}',                               // no rewards yet: loading
    `ingest rewards ${rewardPage(0, 60)}`,
    `ingest rewards ${rewardPage(40, 120)}`,               // overlapping ids replace
    ...['{}', '{"sort":"cost-asc","limit":7}', '{"sort":"closest","affordable":false}', '{"sort":"for-you"}',
      '{"text":"cafe","sort":"newest"}', '{"text":"CRÈ tr","categories":["gear","apparel"]}',
      '{"eligible":true,"inStock":true,"sort":"cost-desc"}', '{"affordable":true}', '{"sort":"nope"}',
      '{"cursor":"k1.popular.0.-50.r7"}', '{"cursor":"garbage"}', '{"limit":0}', '{'].map((q) => `catalog 2026-11-23 ${q}`),
    'catalog 2026-12-05 {"sort":"popular","limit":100}', // after early access ends
    'catalog 2026-13-01 {}',
    `ingest rewards {"items":[{"id":"x","name":"X","cost":-1}]}`,
    'catalog 2026-11-23 {"limit":3}',
    ...gameLines(),
    ...floatLines(),
  ];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const resources = ['program', 'member', 'rewards', 'games'];
  for (const name of readdirSync(corpusDir).sort()) {
    const bytes = readFileSync(join(corpusDir, name));
    let text;
    try { text = decoder.decode(bytes); } catch { continue; }  // JS strings cannot carry invalid UTF-8 as is
    if (/[\r\n\u2028\u2029]/.test(text) || text.includes('\u0000')) continue;  // one payload per line
    const resource = resources[name.length % resources.length];
    lines.push(`ingest ${resource} ${text}`, 'view 2026-11-23', 'catalog 2026-11-23 {"limit":3}', 'games');
  }
  return lines;
}

test('the corpus and the native tool are there', () => {
  assert.ok(existsSync(corpusDir), `missing ${corpusDir}`);
  assert.ok(existsSync(nativeScript), `missing ${nativeScript}: run npm run build`);
});

test('wasm and native cores answer byte for byte the same', async () => {
  const lines = scriptLines();
  assert.ok(lines.length > 300, `only ${lines.length} script lines`);
  const native = execFileSync(nativeScript, { input: `${lines.join('\n')}\n`, maxBuffer: 64 << 20 })
    .toString('utf8').split('\n').slice(0, -1);

  const engine = await loadKindredCore({ wasmBinary: readFileSync(join(root, 'dist/kindred-core.wasm')) });
  const core = new engine.Core();
  const wasm = [];
  for (const line of lines) {
    const [command, arg, ...rest] = line.split(' ');
    if (command === 'view') wasm.push(core.progressView(arg));
    else if (command === 'games') wasm.push(core.gamesView());
    else if (command === 'play') wasm.push(core.play(arg, rest[0], rest[1]));
    else if (command === 'answer') wasm.push(core.playAnswer(arg, Number(rest[0]), rest.slice(1).join(' ')));
    else if (command === 'catalog') wasm.push(core.catalogView(rest.join(' '), arg));
    else wasm.push(core.ingest(arg, rest.join(' ')));
  }
  core.delete();

  assert.equal(wasm.length, native.length);
  for (let i = 0; i < native.length; i += 1) {
    assert.equal(wasm[i], native[i], `line ${i}: ${lines[i].slice(0, 120)}`);
  }
  // The script did exercise both outcomes.
  assert.ok(native.some((answer) => answer.includes('"status":"ready"')));
  assert.ok(native.some((answer) => answer.includes('"ok":false')));
  assert.ok(native.some((answer) => answer.includes('"availability":"early-access"')));
  assert.ok(native.some((answer) => answer.includes('"nextCursor":"k1.')));
  assert.ok(native.some((answer) => answer.includes('ctl \\u0001\\u001f')), 'an escaped control character');
  assert.ok(native.some((answer) => answer.includes('<U+0001>')), 'a control character named in a syntax error');
  assert.ok(native.some((answer) => answer.includes('"points":4503599627370498,')), '4503599627370497.5 rounded to even');
});

test('the view model in wasm is the documented shape', async () => {
  const engine = await loadKindredCore({ wasmBinary: readFileSync(join(root, 'dist/kindred-core.wasm')) });
  const core = new engine.Core();
  assert.deepEqual(JSON.parse(core.ingest('program', program)), { ok: true });
  assert.deepEqual(JSON.parse(core.ingest('member', member({ tierId: 'trailblazer' }))), { ok: true });
  const view = JSON.parse(core.progressView('2026-11-23'));
  core.delete();
  assert.equal(view.status, 'ready');
  assert.deepEqual(view.tier, { id: 'trailblazer', name: 'Trailblazer' });
  assert.deepEqual(view.bar, { min: 500, max: 1500, value: 1380, fraction: 0.88 });
  assert.equal(view.nudge.key, 'nudge.points_to_tier_perk');
  assert.deepEqual(view.nudge.params, {
    points: 120, tier: 'Summit', spend: 12, moneyCurrency: 'USD', perk: 'early access to new gear',
  });
});

test('the loader starts the engine once per page', async () => {
  const wasmBinary = readFileSync(join(root, 'dist/kindred-core.wasm'));
  assert.equal(loadKindredCore({ wasmBinary }), loadKindredCore({ wasmBinary }));
});

test('a broken wasm rejects with an engine error, and a later call may retry', async () => {
  // A fresh copy of the loader module, so its cache is empty.
  const { loadKindredCore: freshLoad } = await import('../../dist/index.js?broken');
  const printed = [];
  const original = console.error;
  console.error = (...args) => printed.push(args.join(' '));
  try {
    await assert.rejects(freshLoad({ wasmBinary: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]) }),
      (error) => error.name === 'KindredError' && error.code === 'engine' &&
        /could not start/.test(error.message));
  } finally {
    console.error = original;
  }
  const engine = await freshLoad({ wasmBinary: readFileSync(join(root, 'dist/kindred-core.wasm')) });
  assert.equal(typeof engine.Core, 'function');
});
