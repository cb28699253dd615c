// The year in review on the progress screen: the member's year in words,
// and a button that draws it as a picture (year_card_canvas.js, fetched on
// that first tap: most shoppers never ask for it) to download as a PNG or,
// where the browser has the Web Share API with files (phones), to share.
// The core says what the year holds; this says it and draws it.

import { h } from './dom.js';

/**
 * @param {(key: string, params?: object) => string} t
 * @param {{locale: () => string}} host
 */
export function createYearInReview(t, host) {
  const title = h('h3', { class: 'moments-title' });
  const summary = h('p', { class: 'year-summary' });
  const open = h('button', { type: 'button', class: 'link', part: 'button' }, t('year.open'));
  const root = h('section', { class: 'year', part: 'year-in-review', hidden: true }, title, summary, open);

  const heading = h('h3', { class: 'dialog-title', id: 'kindred-year-title' });
  const canvas = h('canvas', { class: 'year-card', role: 'img' });  // drawYearCard sizes it
  const status = h('p', { class: 'dialog-status', role: 'status' });
  const download = h('button', { type: 'button', class: 'primary', part: 'button' }, t('year.download'));
  const share = h('button', { type: 'button', part: 'button', hidden: true }, t('year.share'));
  const close = h('button', { type: 'button', part: 'button' }, t('year.close'));
  const dialog = h('dialog', { class: 'dialog year-dialog', part: 'dialog', 'aria-labelledby': 'kindred-year-title' },
    heading, canvas, status, h('div', { class: 'dialog-actions' }, close, share, download));
  let card = null;  // what the canvas shows, in words
  let fileName = 'year.png';

  const number = (value) => new Intl.NumberFormat(host.locale()).format(value);

  // The year's figures in the shopper's words: the same on the card and in the summary.
  function describe(year, program) {
    const stats = [
      { value: number(year.pointsEarned), label: t('year.pointsEarned', { points: year.pointsEarned }) },
      { value: number(year.rewardsRedeemed), label: t.plural('year.rewards', year.rewardsRedeemed) },
      { value: number(year.gamesWon), label: t.plural('year.games', year.gamesWon) },
      { value: number(year.badges), label: t.plural('year.badges', year.badges) },
    ];
    if (year.impact) stats.push({ value: number(year.impact.units), label: year.impact.label });
    const journey = year.journey.map((step) => t('year.reached', { tier: step.tierName, date: step.reachedOn }));
    return { year: String(year.year), program, heading: t('year.heading', { year: year.year, program }), stats, journey };
  }

  const cardStyle = () => {
    const style = getComputedStyle(root);
    return {
      colors: { accent: style.getPropertyValue('--kindred-accent').trim() || '#0f766e',
        ink: style.getPropertyValue('--kindred-accent-ink').trim() || '#ffffff' },
      font: style.fontFamily || 'sans-serif',
    };
  };

  const toPng = () => new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))), 'image/png');
  });

  open.addEventListener('click', async () => {
    heading.textContent = card.heading;
    status.textContent = '';
    let drawn = true;
    try {
      const { drawYearCard } = await import('./year_card_canvas.js');
      drawYearCard(canvas, { ...card, ...cardStyle() });
    } catch {
      drawn = false;  // offline: the year is still in words on Home
      status.textContent = t('year.failed');
    }
    canvas.hidden = download.hidden = !drawn;
    canvas.setAttribute('aria-label', [card.heading, ...card.stats.map((s) => `${s.value} ${s.label}`), ...card.journey].join('. '));
    // Sharing files is for phones; desktop Chromium has no share sheet.
    const probe = new File([''], fileName, { type: 'image/png' });
    share.hidden = !drawn || !(navigator.canShare?.({ files: [probe] }));
    dialog.showModal();
  });
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => open.focus());
  download.addEventListener('click', async () => {
    try {
      const url = URL.createObjectURL(await toPng());
      const link = h('a', { href: url, download: fileName, hidden: true });
      dialog.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);  // the download has started long before
    } catch {
      status.textContent = t('year.failed');
    }
  });
  share.addEventListener('click', async () => {
    try {
      const file = new File([await toPng()], fileName, { type: 'image/png' });
      await navigator.share({ files: [file], title: card.heading });
    } catch (error) {
      if (error?.name !== 'AbortError') status.textContent = t('year.failed');  // Abort: the shopper closed the sheet
    }
  });

  return {
    root,
    dialog,
    /**
     * @param {object|null} year  the moments view's yearInReview, or null to hide
     * @param {string} [program]  the program's name, for the picture
     */
    update(year, program = '') {
      root.hidden = !year;
      if (!year) return;
      title.textContent = t('year.title', { year: year.year });
      open.hidden = year.empty;
      card = describe(year, program);
      const slug = card.program.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'loyalty';
      fileName = `${slug}-${year.year}.png`;
      summary.textContent = year.empty ? t('year.empty', { year: year.year })
        : [...card.stats.map((s) => `${s.value} ${s.label}`), ...card.journey].join(' · ');
    },
  };
}
