// The daily check-in: a row of seven days around today (the core's strip),
// the streak, the next streak bonus, and one button. The backend owns the
// member's time zone and allows one check-in a local day.

import { h } from './dom.js';

export function createCheckInGame(ctx, game) {
  const { t } = ctx;
  const strip = h('ol', { class: 'checkin-strip' });
  const streak = h('p', { class: 'checkin-streak' });
  const next = h('p', { class: 'hint' });
  const button = h('button', { type: 'button', class: 'primary', part: 'button' }, t('checkin.button'));
  const root = h('div', { class: 'game checkin-game' }, streak, strip, next, button);

  function render(current) {
    const info = current.checkIn;
    const weekday = new Intl.DateTimeFormat(ctx.locale(), { weekday: 'short', timeZone: 'UTC' });
    strip.replaceChildren(...info.strip.map((day) => {
      const date = new Date(`${day.date}T00:00:00Z`);
      const label = t(day.checkedIn ? 'checkin.dayChecked' : day.isFuture ? 'checkin.dayFuture' : 'checkin.dayMissed', { date: day.date });
      return h('li', { class: `day${day.checkedIn ? ' checked' : ''}${day.isToday ? ' today' : ''}`, 'aria-label': label },
        h('span', { class: 'day-name', 'aria-hidden': 'true' }, weekday.format(date)),
        h('span', { class: 'day-mark', 'aria-hidden': 'true' }, day.checkedIn ? '✓' : String(date.getUTCDate())),
        day.rewardPoints > 0 && !day.checkedIn ? h('span', { class: 'day-bonus', 'aria-hidden': 'true' }, `+${day.rewardPoints}`) : '');
    }));
    streak.textContent = t.plural('checkin.streak', info.currentStreak, { days: info.currentStreak });
    next.textContent = info.nextReward
      ? t('checkin.next', { count: info.nextReward.checkInsToGo, points: info.nextReward.points }) : '';
    button.disabled = !current.canPlay;
  }

  button.addEventListener('click', async () => {
    if (button.disabled) return;
    button.disabled = true;
    ctx.clearResult();
    const answer = await ctx.play(game.id);
    ctx.settle(answer, { retry: () => button.click() });  // refreshes the games list first
    const current = ctx.game(game.id);
    if (current) render(current);
  });

  render(game);
  return {
    root,
    focus: () => button.focus(),
    destroy() {},
  };
}
