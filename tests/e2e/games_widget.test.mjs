// Every game played in Chromium against the reference backend, checked
// against the backend's ledger: the prize is the backend's, credited once,
// verified on the device, and a tampered answer is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, screenshotDir } from './store_harness.mjs';
import { backendClient } from './backend_client.mjs';

const env = useDemoStore('games');
const backend = backendClient(() => env.server.url);

async function openGames(t, { member, viewport = VIEWPORTS.desktop, contextOptions = {} }) {
  const context = await env.browser.newContext({ ...viewport, ...contextOptions });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const events = [];
  await page.exposeFunction('__kindredEvent', (type, detail) => events.push({ type, detail }));
  await page.addInitScript(() => {
    for (const type of ['kindred:play', 'kindred:error']) {
      document.addEventListener(type, (event) => window.__kindredEvent(type, event.detail));
    }
  });
  await page.goto(`${env.server.url}?member=${member}`);
  const widget = page.locator('kindred-widget');
  await widget.getByRole('tab', { name: 'Games' }).click();
  await widget.locator('.game-card').first().waitFor();
  return { page, widget, problems, events };
}

const ledgerOf = async (member) => backend.activity(member);
const gameEntries = (ledger, kinds = ['game_prize', 'game_play', 'check_in']) => ledger.filter((e) => kinds.includes(e.kind));
const result = (widget) => widget.locator('.game-result');

/** Waits for the outcome line of the game on stage, and returns it. */
async function outcome(widget, timeout = 15000) {
  await widget.locator('.game-result:not(:empty)').waitFor({ timeout });
  return result(widget).textContent();
}

/** Answers of POST /v1/games/{id}/plays, as the backend sent them: `await plays()`. */
function recordPlays(page) {
  const bodies = [];
  page.on('response', (response) => {
    if (/\/v1\/games\/[^/]+\/plays$/.test(new URL(response.url()).pathname) && response.status() === 201) {
      bodies.push(response.json());
    }
  });
  return () => Promise.all(bodies);
}

test('the wheel spins, lands on the prize the backend drew, verifies it, and credits it once', async (t) => {
  const member = 'm_grace';
  const before = await backend.member(member);
  const { page, widget, problems, events } = await openGames(t, { member, viewport: VIEWPORTS.phone });
  const recorded = recordPlays(page);
  await page.screenshot({ path: join(screenshotDir, 'games-list-phone.png') });
  const card = widget.locator('[data-game-id="spin-wheel"]');
  assert.match(await card.textContent(), /Free to play · 3 plays left today/);
  await card.getByRole('button', { name: /^Play / }).click();
  await widget.getByRole('button', { name: 'Spin the wheel' }).click();
  // Spinning before the answer: the button says so at once.
  assert.equal(await widget.locator('.wheel-game .primary').textContent(), 'Spinning…');
  const text = await outcome(widget);
  await page.screenshot({ path: join(screenshotDir, 'games-wheel-phone.png') });
  const plays = await recorded();

  assert.equal(plays.length, 1);
  const { play, member: after } = plays[0];
  assert.equal(await widget.locator('canvas.wheel').getAttribute('data-resting-segment'), String(play.prizeIndex),
    'the wheel rests on the segment the backend drew');
  assert.match(text, new RegExp(play.pointsWon > 0 ? `You won ${play.pointsWon} points` : play.prize.label));
  assert.match(await widget.locator('.fairness summary').textContent(), /Verified fair/);
  assert.equal((await backend.member(member)).points, before.points + play.pointsWon);
  assert.equal(after.points, before.points + play.pointsWon);
  const credits = gameEntries(await ledgerOf(member), ['game_prize']);
  assert.equal(credits.length, play.pointsWon > 0 ? 1 : 0);
  const played = events.filter((e) => e.type === 'kindred:play');
  assert.deepEqual(played.map((e) => [e.detail.gameId, e.detail.fairness, e.detail.pointsWon]), [['spin-wheel', 'verified', play.pointsWon]]);
  assert.deepEqual(problems, []);
});

test('a prize changed on the way is flagged as not verified, and only the real one is credited', async (t) => {
  const member = 'm_alan';
  const before = await backend.member(member);
  const { page, widget, events } = await openGames(t, { member });
  let real = null;
  await page.route('**/v1/games/spin-wheel/plays', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    real = structuredClone(body.play);
    // Claim the biggest prize instead of the drawn one.
    const games = await backend.games(member);
    const prizes = games.games.find((g) => g.id === 'spin-wheel').prizes;
    const biggest = prizes.reduce((best, prize, index) => (prize.points > prizes[best].points ? index : best), 0);
    const fake = biggest === body.play.prizeIndex ? (biggest + 1) % prizes.length : biggest;
    body.play.prizeIndex = fake;
    body.play.prize = prizes[fake];
    body.play.pointsWon = prizes[fake].points;
    await route.fulfill({ response, body: JSON.stringify(body) });
  });
  await widget.locator('[data-game-id="spin-wheel"]').getByRole('button').click();
  await widget.getByRole('button', { name: 'Spin the wheel' }).click();
  await outcome(widget);
  const verdict = widget.locator('.fairness.unverified');
  await verdict.waitFor();
  assert.match(await verdict.locator('summary').textContent(), /Could not verify this result/);
  await verdict.locator('summary').click();
  assert.match(await verdict.textContent(), /The prize shown is not the one the seeds draw/);
  await page.screenshot({ path: join(screenshotDir, 'games-wheel-tampered-desktop.png') });
  assert.ok(events.some((e) => e.type === 'kindred:error' && e.detail.code === 'unverified'));
  assert.equal(await widget.locator('.games canvas.celebration').isHidden(), true, 'no confetti for an unverified win');
  assert.equal((await backend.member(member)).points, before.points + real.pointsWon, 'the backend credited its own draw');
});

test('the scratch card is played by keyboard alone: Reveal, prize, debit and credit once', async (t) => {
  const member = 'm_ada';
  const before = await backend.member(member);
  const { page, widget } = await openGames(t, { member });
  const recorded = recordPlays(page);
  await widget.locator('[data-game-id="scratch-card"]').getByRole('button').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');  // "Get a scratch card" has focus
  await widget.getByRole('button', { name: 'Reveal' }).waitFor();
  await page.screenshot({ path: join(screenshotDir, 'games-scratch-covered-desktop.png') });
  await page.keyboard.press('Enter');  // Reveal has focus
  await outcome(widget);
  const plays = await recorded();
  assert.equal(plays.length, 1);
  const { play } = plays[0];
  assert.equal(play.pointsSpent, 20);
  assert.equal(await widget.locator('.scratch-prize').textContent(), play.prize.label);
  assert.equal((await backend.member(member)).points, before.points - 20 + play.pointsWon);
  const ledger = gameEntries(await ledgerOf(member));
  assert.equal(ledger.filter((e) => e.kind === 'game_play').length, 1);
});

test('scratching by dragging reveals the prize past the threshold', async (t) => {
  const { page, widget } = await openGames(t, { member: 'm_katherine', viewport: VIEWPORTS.phone });
  await widget.locator('[data-game-id="scratch-card"]').getByRole('button').click();
  await widget.getByRole('button', { name: 'Get a scratch card' }).click();
  const cover = widget.locator('canvas.scratch-cover');
  await cover.waitFor({ state: 'visible' });
  const box = await cover.boundingBox();
  await page.mouse.move(box.x + 4, box.y + 6);
  await page.mouse.down();
  for (let row = 0; row < 6 && !(await result(widget).textContent()); row += 1) {
    const y = box.y + 8 + row * (box.height / 6);
    await page.mouse.move(box.x + box.width - 4, y, { steps: 12 });
    await page.mouse.move(box.x + 4, y + box.height / 12, { steps: 12 });
  }
  await page.mouse.up();
  await page.screenshot({ path: join(screenshotDir, 'games-scratch-phone.png') });
  assert.notEqual(await outcome(widget), '');
});

test('memory match is won by keyboard, on the deck the play dealt', async (t) => {
  const member = 'm_grace';
  const { page, widget } = await openGames(t, { member });
  await widget.locator('[data-game-id="memory-match"]').getByRole('button').click();
  await widget.getByRole('button', { name: 'Start' }).click();
  const cards = widget.locator('.memory-card');
  await cards.first().waitFor();
  const count = await cards.count();
  assert.equal(count, 12);
  const seen = new Map();  // index -> symbol, as a player remembers them
  const flip = async (index) => {
    await cards.nth(index).focus();
    await page.keyboard.press('Enter');
    return (await cards.nth(index).getAttribute('aria-label')).split(': ')[1]?.split(',')[0];
  };
  const matched = new Set();
  for (let i = 0; i < count && matched.size < count; i += 1) {
    if (matched.has(i)) continue;
    const symbol = await flip(i);
    const partner = [...seen].find(([index, s]) => s === symbol && index !== i && !matched.has(index));
    if (partner) {
      await flip(partner[0]);
      matched.add(i).add(partner[0]);
      continue;
    }
    seen.set(i, symbol);
    const j = i + 1 < count ? i + 1 : null;
    if (j === null || matched.has(j)) continue;
    const second = await flip(j);
    if (second === symbol) matched.add(i).add(j);
    else seen.set(j, second);
    await page.waitForTimeout(900);  // the mismatch turns back
  }
  const text = await outcome(widget);
  assert.match(await widget.locator('.memory-moves').textContent(), /Moves: \d+/);
  assert.ok(text.length > 0);
  await page.screenshot({ path: join(screenshotDir, 'games-memory-desktop.png') });
});

test('the quiz is judged by the backend; the timer can be extended and turned off', async (t) => {
  const member = 'm_alan';
  const before = await backend.member(member);
  const { page, widget } = await openGames(t, { member, viewport: VIEWPORTS.phone });
  const recorded = recordPlays(page);
  await widget.locator('[data-game-id="daily-quiz"]').getByRole('button').click();
  await widget.getByRole('button', { name: 'Start the quiz' }).click();
  await widget.locator('.quiz-option').first().waitFor();
  const first = Number((await widget.locator('.quiz-time').textContent()).match(/\d+/)[0]);
  await widget.getByRole('button', { name: 'More time' }).click();
  const extended = Number((await widget.locator('.quiz-time').textContent()).match(/\d+/)[0]);
  assert.ok(extended > first + 10, `${extended} > ${first} + 10`);
  await widget.getByRole('button', { name: 'Turn off the timer' }).click();
  assert.equal(await widget.locator('.quiz-time').textContent(), 'No time limit');
  await page.screenshot({ path: join(screenshotDir, 'games-quiz-phone.png') });
  const questions = (await backend.games(member)).games.find((g) => g.id === 'daily-quiz').questions;
  for (let i = 0; i < questions.length; i += 1) {
    await widget.locator('.quiz-progress', { hasText: `Question ${i + 1} of` }).waitFor();
    await widget.locator('.quiz-option').first().click();
  }
  // "Checking your answers…" shows first; the score follows the backend's verdict.
  await widget.locator('.game-result', { hasText: 'You got' }).waitFor({ timeout: 15000 });
  const text = await result(widget).textContent();
  const plays = await recorded();
  assert.equal(plays.length, 1);
  const { play } = plays[0];
  assert.match(text, new RegExp(`You got ${play.score} of ${questions.length} right`));
  assert.equal((await backend.member(member)).points, before.points + play.pointsWon);
  assert.equal(await widget.locator('.quiz-review li').count(), questions.length);
});

test('a daily check-in extends the streak, pays the streak bonus, and only once a day', async (t) => {
  const member = 'm_ada';
  const { page, widget } = await openGames(t, { member, viewport: VIEWPORTS.phone });
  const recorded = recordPlays(page);
  const game = (await backend.games(member)).games.find((g) => g.kind === 'checkin');
  await widget.locator(`[data-game-id="${game.id}"]`).getByRole('button').click();
  const streak = widget.locator('.checkin-streak');
  const before = await streak.textContent();
  const beforePoints = (await backend.member(member)).points;
  await widget.getByRole('button', { name: 'Check in today' }).click();
  await outcome(widget);
  const plays = await recorded();
  assert.equal(plays.length, 1);
  assert.equal(plays[0].play.streak, Number(before.match(/\d+/)[0]) + 1);
  assert.match(await streak.textContent(), new RegExp(`${plays[0].play.streak}-day streak`));
  assert.equal((await backend.member(member)).points, beforePoints + plays[0].play.pointsWon);
  assert.equal(await widget.getByRole('button', { name: 'Check in today' }).isDisabled(), true);
  await page.screenshot({ path: join(screenshotDir, 'games-checkin-phone.png') });
  // Ada checked in on the two days before (demo seed): today is day 3, which pays its streak bonus.
  const bonus = game.streakRewards.find((reward) => reward.day === 3).points;
  assert.equal(plays[0].play.streak, 3);
  assert.equal(plays[0].play.pointsWon, game.pointsPerCheckIn + bonus);
  const credited = gameEntries(await ledgerOf(member), ['check_in']);
  assert.equal(credited.reduce((sum, entry) => sum + entry.points, 0), plays[0].play.pointsWon, 'credited once');
});

test('with reduced motion the wheel goes straight to its result, without confetti', async (t) => {
  const { widget } = await openGames(t, { member: 'm_katherine', contextOptions: { reducedMotion: 'reduce' } });
  await widget.locator('[data-game-id="spin-wheel"]').getByRole('button').click();
  await widget.getByRole('button', { name: 'Spin the wheel' }).click();
  // A spin with motion takes at least 3 s; without, the answer is the result.
  await outcome(widget, 2500);
  assert.equal(await widget.locator('.games canvas.celebration').isHidden(), true);
});

test('a spin whose answer never comes stops with a message; trying again plays once, with the same key', async (t) => {
  const member = 'm_grace';
  const { page, widget } = await openGames(t, { member });
  const keys = [];
  let cutOff = true;
  await page.route('**/v1/games/spin-wheel/plays', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    // The first tries reach the backend but their answers are lost.
    if (cutOff) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  const before = await backend.member(member);
  const playsLeft = async () => (await backend.games(member)).games.find((game) => game.id === 'spin-wheel').playsLeft;
  const playsBefore = await playsLeft();
  const creditsBefore = gameEntries(await ledgerOf(member), ['game_prize']).length;
  await widget.locator('[data-game-id="spin-wheel"]').getByRole('button').click();
  await widget.getByRole('button', { name: 'Spin the wheel' }).click();
  const text = await outcome(widget, 20000);
  assert.match(text, /couldn't reach the game. Nothing will be charged twice/);
  await page.screenshot({ path: join(screenshotDir, 'games-wheel-no-answer-desktop.png') });
  assert.ok(keys.length >= 2, 'the transport retried');
  assert.equal(new Set(keys).size, 1, 'every try carried the same Idempotency-Key');

  cutOff = false;
  await widget.getByRole('button', { name: 'Try again' }).click();
  const retried = await outcome(widget);
  assert.match(retried, /You won|Better luck|Free shipping/);
  assert.equal(new Set(keys).size, 1, 'the retry replays the same play');
  const credits = gameEntries(await ledgerOf(member), ['game_prize']).slice(0, -creditsBefore || undefined);
  const after = await backend.member(member);
  assert.equal(await playsLeft(), playsBefore - 1, 'one play used, not one per try');
  assert.equal(credits.length, after.points > before.points ? 1 : 0, 'credited once');
  assert.equal(after.points - before.points, credits.reduce((sum, entry) => sum + entry.points, 0));
});

test('every control in the games is at least 24 by 24 CSS pixels', async (t) => {
  const { widget } = await openGames(t, { member: 'm_katherine', viewport: VIEWPORTS.phone });
  const small = async () => widget.locator('button, summary').evaluateAll((elements) => elements
    .filter((element) => element.checkVisibility())
    .map((element) => [element.textContent.trim(), element.getBoundingClientRect()])
    .filter(([, box]) => box.width < 24 || box.height < 24)
    .map(([text]) => text));
  assert.deepEqual(await small(), []);
  for (const id of ['spin-wheel', 'scratch-card', 'memory-match', 'daily-quiz', 'daily-check-in']) {
    await widget.locator(`[data-game-id="${id}"]`).getByRole('button').click();
    assert.deepEqual(await small(), [], id);
    await widget.getByRole('button', { name: /Back to games/ }).click();
  }
});
