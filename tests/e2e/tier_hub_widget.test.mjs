// The tier hub and the year in review in Chromium, from the reference
// backend's GET /v1/moments to the Tiers screen the core decides: what each
// tier gives and the next one adds, tier-only experiences signed up for once
// (the database holds one seat), insider previews rated with one tap, and the
// member's year drawn on a canvas, downloaded as a PNG and shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { backendClient } from './backend_client.mjs';
import { useDemoStore, editSeedFile, openStore, repoRoot, screenshotDir } from './store_harness.mjs';

const env = useDemoStore('tier-hub', {
  // Map and compass basics gets one seat, for the race for it.
  editSeed: (dir) => editSeedFile(dir, 'moments.json', (seed) => {
    seed.experiences.find((experience) => experience.id === 'map-and-compass').seats = 1;
  }),
});
const backend = backendClient(() => env.server.url);

async function openTiers(t, member, options = {}) {
  const opened = await openStore(env, t, { member, ...options });
  await opened.widget.getByRole('progressbar').waitFor();
  await opened.widget.getByRole('tab', { name: 'Tiers' }).click();
  await opened.widget.locator('.hub').waitFor();
  return opened;
}

const item = (widget, key) => widget.locator(`[data-key="${key}"]`);
const experience = async (memberId, id) => (await backend.moments(memberId)).experiences.find((e) => e.id === id);
const spaced = (text) => text.replace(/[\s\u202f]+/g, ' ').trim();

test('Ada sees what her tier gives and what Summit adds, and signs up once however often she taps', async (t) => {
  const { page, widget, problems } = await openTiers(t, 'm_ada', { viewport: VIEWPORTS.phone });
  assert.equal(await widget.locator('.hub-held').textContent(),
    'Your perks: members-only sales, a birthday gift, free standard shipping, double points in your birth month.');
  assert.equal(await widget.locator('.hub-next').textContent(),
    'Summit adds early access to new gear, free returns: 120 points to go, about $12 of shopping.');
  assert.equal(await widget.locator('.hub-tier[aria-current="true"] .hub-tier-name').textContent(), 'Trailblazer (your tier)');
  assert.deepEqual(await widget.locator('.hub-tier .hub-meta').allTextContents(),
    ['from 0 points', 'from 500 points', 'from 1,500 points', 'from 4,000 points']);

  // A Summit hike is shown to her, locked; no button to press.
  const summit = item(widget, 'experience:sunrise-summit');
  assert.match(await summit.textContent(), /Reach Summit to join/);
  assert.equal(await summit.getByRole('button').count(), 0);
  await page.screenshot({ path: join(screenshotDir, 'tiers-ada-phone.png'), fullPage: true });

  const before = await experience('m_ada', 'gear-repair-night');
  const repair = item(widget, 'experience:gear-repair-night');
  assert.match(await repair.textContent(), /12 seats left/);
  const signUp = repair.getByRole('button', { name: 'Sign up for Gear repair night' });
  const sent = page.waitForResponse((response) => response.url().endsWith('/v1/events'));
  await signUp.dblclick();
  assert.equal((await sent).status(), 201);
  await repair.getByText("You're going").waitFor();
  const after = await experience('m_ada', 'gear-repair-night');
  assert.equal(after.signedUp, true);
  assert.equal(after.seatsLeft, before.seatsLeft - 1, 'one seat, not two');

  // Another device shows the seat she holds.
  const other = await openTiers(t, 'm_ada', { viewport: VIEWPORTS.desktop });
  await item(other.widget, 'experience:gear-repair-night').getByText("You're going").waitFor();
  await other.page.screenshot({ path: join(screenshotDir, 'tiers-ada-desktop.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('when another member takes the last seat first, the widget says so and shows it fully booked', async (t) => {
  const { page, widget } = await openTiers(t, 'm_alan');
  const compass = item(widget, 'experience:map-and-compass');
  assert.match(await compass.textContent(), /1 seat left/);
  assert.equal(await backend.sendEvent('m_grace', { type: 'experience-signup', subject: 'map-and-compass' }), 201);

  const errors = [];
  await page.exposeFunction('recordKindredError', (detail) => errors.push(detail));
  await page.evaluate(() => document.querySelector('kindred-widget')
    .addEventListener('kindred:error', (event) => window.recordKindredError(event.detail)));
  await compass.getByRole('button', { name: 'Sign up for Map and compass basics' }).click();
  await compass.getByText('Fully booked').waitFor();
  assert.match(await compass.getByRole('alert').textContent(), /seat/i, 'the backend\'s reason, in its words');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].status, 409);
  const held = await experience('m_alan', 'map-and-compass');
  assert.deepEqual([held.signedUp, held.seatsLeft], [false, 0]);
});

test('Katherine rates a preview with one tap, keeps her rating on every device, and stays on the star she pressed', async (t) => {
  const { page, widget } = await openTiers(t, 'm_katherine');
  const shell = item(widget, 'preview:aurora-shell');
  assert.deepEqual(await shell.locator('.star').evaluateAll((stars) => stars.map((s) => s.getAttribute('aria-pressed'))),
    ['true', 'true', 'true', 'true', 'false']);
  assert.match(await shell.textContent(), /You rated it 4 of 5/);

  const runner = item(widget, 'preview:trail-runner-2');
  await runner.getByRole('button', { name: '2 of 5 stars' }).focus();
  const sent = page.waitForResponse((response) => response.url().endsWith('/v1/events'));
  await page.keyboard.press('Enter');
  assert.equal((await sent).status(), 201);
  await runner.getByText('You rated it 2 of 5. Thank you!').waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('kindred-widget').shadowRoot.activeElement?.getAttribute('aria-label')),
    '2 of 5 stars');
  assert.equal((await backend.moments('m_katherine')).previews.find((p) => p.id === 'trail-runner-2').myRating, 2);

  const other = await openTiers(t, 'm_katherine', { viewport: VIEWPORTS.phone });
  const again = item(other.widget, 'preview:trail-runner-2');
  await again.getByText('You rated it 2 of 5. Thank you!').waitFor();
  assert.equal(await again.getByRole('button', { name: '2 of 5 stars' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await again.getByRole('button', { name: '3 of 5 stars' }).getAttribute('aria-pressed'), 'false');
});

test('an experience starts at the time on the shopper\'s own clock', async (t) => {
  const { widget } = await openTiers(t, 'm_ada', { viewport: { ...VIEWPORTS.desktop, timezoneId: 'Asia/Tokyo', locale: 'en-US' } });
  const { startsAt } = await experience('m_ada', 'gear-repair-night');
  const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' })
    .format(new Date(startsAt));
  const meta = await item(widget, 'experience:gear-repair-night').locator('.hub-meta').first().textContent();
  assert.equal(spaced(meta), spaced(`${expected} · Trailblazer and above`));
});

test('a hub with nothing planned says so, and a malformed one keeps the last good screen', async (t) => {
  let answer = 'empty';
  const { page, widget } = await openTiers(t, 'm_ada', {
    prepare: (page) => page.route('**/v1/moments', async (route) => {
      const response = await route.fetch();
      const moments = await response.json();
      if (answer === 'empty') {
        moments.experiences = [];
        moments.previews = [];
      } else {
        moments.previews[0].myRating = 'five';
      }
      await route.fulfill({ response, body: JSON.stringify(moments) });
    }),
  });
  await widget.getByText('No experiences are planned right now. New ones will appear here.').waitFor();
  assert.equal(await widget.getByText('No previews for your tier right now.').isVisible(), true);

  const errors = [];
  await page.exposeFunction('recordKindredError', (detail) => errors.push(detail));
  await widget.evaluate((element) => element.addEventListener('kindred:error', (event) => window.recordKindredError(event.detail)));
  answer = 'malformed';
  await widget.evaluate((element) => element.refresh());
  await widget.locator('.notice').getByText(/last saved details/).waitFor();
  assert.deepEqual(errors.map((e) => [e.code, e.path]), [['payload', 'moments.previews[0].myRating']]);
  assert.equal(await widget.getByText('No experiences are planned right now. New ones will appear here.').isVisible(), true,
    'the last good hub stays on screen');
});

test('Ada downloads her year as a PNG drawn on a canvas, and shares it where the browser can', async (t) => {
  let recordShare;
  const shared = new Promise((resolve) => { recordShare = resolve; });
  const { page, widget, problems } = await openStore(env, t, {
    member: 'm_ada',
    viewport: VIEWPORTS.phone,
    prepare: async (p) => {
      await p.exposeFunction('recordShare', (entry) => recordShare(entry));
      // Chromium on Linux has no share sheet: stand in for a phone's.
      await p.addInitScript(() => {
        navigator.canShare = (data) => Array.isArray(data?.files);
        navigator.share = async ({ files, title }) => {
          const [file] = files;
          const bytes = new Uint8Array(await file.arrayBuffer());
          await window.recordShare({ name: file.name, type: file.type, title, head: [...bytes.slice(0, 8)] });
        };
      });
    },
  });
  const year = widget.locator('.year');
  await year.waitFor();
  const { yearInReview } = await backend.moments('m_ada');
  assert.equal(await year.locator('.moments-title').textContent(), `Your ${yearInReview.year}`);
  assert.match(await year.locator('.year-summary').textContent(),
    new RegExp(`^${yearInReview.pointsEarned.toLocaleString('en')} points earned · ${yearInReview.rewardsRedeemed} rewards redeemed`));

  await year.getByRole('button', { name: 'See your year in review' }).click();
  const dialog = widget.locator('.year-dialog');
  await dialog.waitFor();
  const canvas = dialog.locator('canvas');
  assert.match(await canvas.getAttribute('aria-label'), /points earned/);
  // The card is painted in the brand's accent colour.
  const corner = await canvas.evaluate((c) => [...c.getContext('2d').getImageData(540, 1300, 1, 1).data]);
  assert.deepEqual(corner, [0x0f, 0x76, 0x6e, 255]);
  await page.screenshot({ path: join(screenshotDir, 'year-in-review-phone.png') });

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download image' }).click();
  const download = await downloading;
  assert.equal(download.suggestedFilename(), `aurora-circle-${yearInReview.year}.png`);
  const png = readFileSync(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1080, 1350], 'IHDR width and height');

  await dialog.getByRole('button', { name: 'Share' }).click();
  assert.deepEqual(await shared, { name: `aurora-circle-${yearInReview.year}.png`, type: 'image/png',
    title: `Your ${yearInReview.year} with Aurora Circle`, head: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] });
  await dialog.getByRole('button', { name: 'Close' }).click();
  assert.equal(await dialog.isVisible(), false);
  assert.deepEqual(problems, []);
});

test('tapped offline, the year picture says it cannot be made, offers no blank image, and closes', async (t) => {
  const { widget, problems } = await openStore(env, t, {
    member: 'm_ada',
    viewport: VIEWPORTS.phone,
    // Its drawing code comes on that first tap; the network has gone.
    prepare: (p) => p.route('**/dist/year_card_canvas.js', (route) => route.abort('internetdisconnected')),
  });
  await widget.getByRole('button', { name: 'See your year in review' }).click();
  const dialog = widget.locator('.year-dialog');
  await dialog.getByText("We couldn't make the image on this device.").waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Download image' }).isVisible(), false);
  assert.equal(await dialog.locator('canvas').isVisible(), false);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await widget.getByRole('button', { name: 'See your year in review' }).evaluate(
    (button) => button === button.getRootNode().activeElement), true, 'focus is back on the button');
  assert.deepEqual(problems, []);
});

test('a member with nothing yet this year gets a line, not an empty picture', async (t) => {
  const { widget } = await openStore(env, t, {
    member: 'm_ada',
    prepare: (page) => page.route('**/v1/moments', async (route) => {
      const response = await route.fetch();
      const moments = await response.json();
      Object.assign(moments.yearInReview, { pointsEarned: 0, rewardsRedeemed: 0, gamesWon: 0, badges: 0, tierJourney: [] });
      await route.fulfill({ response, body: JSON.stringify(moments) });
    }),
  });
  const year = widget.locator('.year');
  await year.waitFor();
  assert.match(await year.locator('.year-summary').textContent(), /^Your \d{4} story starts with your first order\.$/);
  assert.equal(await year.getByRole('button').isVisible(), false);
});

test('hostile experience, preview, perk and tier strings stay text, inside the card and on the year picture', async (t) => {
  const naughty = JSON.parse(readFileSync(join(repoRoot, '../shared/corpora/naughty-strings/blns.json'), 'utf8'))
    .filter((text) => text.trim().length > 0);
  const unbroken = 'W'.repeat(300);
  const hostile = (i) => naughty[(i * 41) % naughty.length];
  const rewrite = (path, change) => (page) => page.route(`**${path}`, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    change(body);
    await route.fulfill({ response, json: body });
  });
  const { page, widget, problems } = await openStore(env, t, {
    member: 'm_katherine',
    viewport: VIEWPORTS.phone,
    prepare: async (p) => {
      await rewrite('/v1/moments', (moments) => {
        moments.experiences = moments.experiences.map((e, i) => ({ ...e, title: i ? hostile(i) : unbroken, description: hostile(i + 7) }));
        moments.previews = naughty.slice(0, 30).map((title, i) => ({ id: `p${i}`, tierId: 'explorer', title,
          description: hostile(i + 50), releaseDate: '2027-03-01', myRating: (i % 5) + 1 }));
      })(p);
      await rewrite('/v1/program', (program) => {
        program.name = unbroken;
        program.tiers = program.tiers.map((tier, i) => ({ ...tier, name: i === 2 ? unbroken : tier.name,
          perks: [hostile(i + 90), unbroken] }));
      })(p);
    },
  });
  await widget.getByRole('progressbar').waitFor();
  await widget.getByRole('tab', { name: 'Tiers' }).click();
  const first = widget.locator('[data-key^="experience:"]').first();
  await first.waitFor();
  assert.equal(await first.locator('.hub-item-title').textContent(), unbroken, 'rendered as text');
  assert.deepEqual(await widget.locator('[data-key^="preview:"] .hub-item-title').allTextContents(), naughty.slice(0, 30));
  assert.equal(await widget.locator('.hub script, .hub img, .hub iframe').count(), 0);
  const overflowing = await widget.evaluate((host) => {
    const card = host.shadowRoot.querySelector('.hub').getBoundingClientRect();
    return [...host.shadowRoot.querySelectorAll('.hub *')]
      .filter((element) => element.getBoundingClientRect().right > card.right + 1)
      .map((element) => element.className);
  });
  assert.deepEqual(overflowing, []);
  await page.screenshot({ path: join(screenshotDir, 'tiers-hostile-phone.png'), fullPage: true });

  // The picture draws the same strings as pixels, cut to fit.
  await widget.getByRole('tab', { name: 'Home' }).click();
  await widget.getByRole('button', { name: 'See your year in review' }).click();
  const canvas = widget.locator('.year-dialog canvas');
  await canvas.waitFor();
  assert.deepEqual(await canvas.evaluate((c) => [c.width, c.height]), [1080, 1350]);
  assert.deepEqual(problems, []);
});

test('a sign-up tapped while offline waits in the outbox, survives a reload, and takes one seat', async (t) => {
  const { page, widget, problems } = await openTiers(t, 'm_katherine', { viewport: VIEWPORTS.phone });
  const before = await experience('m_katherine', 'gear-repair-night');
  assert.equal(before.signedUp, false);
  await page.route('**/v1/events', (route) => route.abort());
  const repair = item(widget, 'experience:gear-repair-night');
  await repair.getByRole('button', { name: 'Sign up for Gear repair night' }).click();
  await repair.getByRole('button', { name: 'Sign up for Gear repair night' }).filter({ hasText: 'Signing up…' }).waitFor();
  await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('kindred:outbox:')));
  assert.equal((await experience('m_katherine', 'gear-repair-night')).signedUp, false, 'nothing reached the backend');

  await page.unroute('**/v1/events');
  await page.reload();
  await widget.getByRole('progressbar').waitFor();
  await widget.getByRole('tab', { name: 'Tiers' }).click();
  await item(widget, 'experience:gear-repair-night').getByText("You're going").waitFor();
  await page.waitForFunction(() => !Object.keys(localStorage).some((key) => key.startsWith('kindred:outbox:')));
  const after = await experience('m_katherine', 'gear-repair-night');
  assert.equal(after.signedUp, true);
  assert.equal(after.seatsLeft, before.seatsLeft - 1, 'one seat, not one per try');
  assert.deepEqual(problems, []);
});
