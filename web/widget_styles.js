// The widget's styles, adopted into its shadow root as a constructed
// stylesheet: no <style> element and no style attributes, so a page CSP
// without 'unsafe-inline' for styles does not block them. Brands theme
// through the --kindred-* custom properties and ::part() names.

const css = `
:host {
  all: initial;
  display: block;
  contain: layout style;  /* not paint: that would clip the card's shadow */
  --kindred-accent: #0f766e;
  --kindred-accent-ink: #ffffff;
  --kindred-surface: #ffffff;
  --kindred-ink: #1c2421;
  --kindred-muted: #5b6663;
  --kindred-track: #e3ece9;
  --kindred-warn-surface: #fff4e0;
  --kindred-warn-ink: #7a4a00;
  --kindred-radius: 16px;
  --kindred-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-family: var(--kindred-font);
  color: var(--kindred-ink);
  line-height: 1.4;
}
@media (prefers-color-scheme: dark) {
  :host {
    --kindred-accent: #2dd4bf;
    --kindred-accent-ink: #04201c;
    --kindred-surface: #15201e;
    --kindred-ink: #e8f0ee;
    --kindred-muted: #a3b3af;
    --kindred-track: #2a3835;
    --kindred-warn-surface: #3a2a0c;
    --kindred-warn-ink: #ffd699;
  }
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.card {
  background: var(--kindred-surface);
  border-radius: var(--kindred-radius);
  box-shadow: 0 1px 2px rgb(0 0 0 / 0.06), 0 4px 16px rgb(0 0 0 / 0.08);
  padding: 20px;
  min-height: 168px;
}
.title { margin: 0 0 12px; font-size: 0.8125rem; font-weight: 600; letter-spacing: 0.04em;
  text-transform: uppercase; color: var(--kindred-muted); }
.head { display: flex; align-items: flex-end; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
.balance-value { font-size: 2.25rem; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
.balance-unit { margin-left: 6px; color: var(--kindred-muted); }
.pending { margin: 4px 0 0; font-size: 0.875rem; color: var(--kindred-muted); }
.tier { text-align: end; }
.tier-label { display: block; font-size: 0.75rem; color: var(--kindred-muted); }
.tier-name { display: inline-block; margin-top: 2px; padding: 4px 12px; border-radius: 999px;
  background: var(--kindred-accent); color: var(--kindred-accent-ink); font-weight: 600; font-size: 0.9375rem;
  max-width: 16ch; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-caption { display: flex; justify-content: space-between; gap: 8px; margin: 20px 0 6px;
  font-size: 0.8125rem; color: var(--kindred-muted); }
.bar { height: 12px; border-radius: 999px; background: var(--kindred-track); overflow: hidden; }
.bar-fill { height: 100%; width: 100%; border-radius: inherit; background: var(--kindred-accent);
  transform-origin: left center; transform: scaleX(0); transition: transform 600ms cubic-bezier(.2,.8,.2,1); }
:host(:dir(rtl)) .bar-fill { transform-origin: right center; }
.nudge { margin: 14px 0 0; font-size: 1rem; font-weight: 500; overflow-wrap: anywhere; }
.expiring { margin: 10px 0 0; padding: 8px 12px; border-radius: 10px; font-size: 0.875rem;
  background: var(--kindred-warn-surface); color: var(--kindred-warn-ink); }
.notice { margin: 0 0 12px; padding: 8px 12px; border-radius: 10px; font-size: 0.875rem;
  background: var(--kindred-warn-surface); color: var(--kindred-warn-ink); }
.outbox { margin: 0 0 12px; padding: 8px 12px; border-radius: 10px; font-size: 0.875rem;
  background: var(--kindred-track); color: var(--kindred-ink); overflow-wrap: anywhere; }
.signed-out { margin: 0; color: var(--kindred-muted); }
.fallback { display: grid; gap: 8px; justify-items: start; }
.fallback p { margin: 0; overflow-wrap: anywhere; }
.fallback-balance { font-size: 1.5rem; font-weight: 700; }
.fallback-text { color: var(--kindred-muted); }
.fallback-link { display: inline-flex; align-items: center; min-height: 44px; color: var(--kindred-accent);
  font-weight: 600; }
.loading, .failed { display: grid; place-items: center; gap: 12px; min-height: 128px; text-align: center;
  color: var(--kindred-muted); }
.spinner { width: 28px; height: 28px; border-radius: 50%; border: 3px solid var(--kindred-track);
  border-top-color: var(--kindred-accent); animation: spin 900ms linear infinite; }
@keyframes spin { to { transform: rotate(1turn); } }
button { font: inherit; min-height: 44px; min-width: 44px; padding: 8px 18px; border-radius: 999px;
  border: 2px solid var(--kindred-accent); background: transparent; color: var(--kindred-ink); cursor: pointer; }
button:focus-visible { outline: 3px solid var(--kindred-accent); outline-offset: 2px; }
.tabs { display: flex; gap: 4px; margin: 0 0 16px; padding: 4px; border-radius: 999px; background: var(--kindred-track); }
.tab { flex: 1 1 0; min-width: 0; min-height: 40px; border: 0; border-radius: 999px; background: transparent;
  color: var(--kindred-muted); font-weight: 600; font-size: 0.8125rem; padding: 6px 2px;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tab[aria-selected="true"] { background: var(--kindred-surface); color: var(--kindred-ink); box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
.controls { display: flex; gap: 8px; flex-wrap: wrap; }
.search, .sort { font: inherit; min-height: 44px; border-radius: 12px; border: 1px solid var(--kindred-track);
  background: var(--kindred-surface); color: var(--kindred-ink); padding: 8px 12px; }
.search { flex: 1 1 12rem; min-width: 0; }
.sort { flex: 0 1 auto; max-width: 100%; }
.search:focus-visible, .sort:focus-visible, .filter-box:focus-visible { outline: 3px solid var(--kindred-accent); outline-offset: 1px; }
.chips { display: flex; gap: 6px; margin: 12px 0 0; overflow-x: auto; padding-bottom: 2px; scrollbar-width: thin;
  /* width 0 + min-width 100%: fills the card but adds nothing to the widget's
     min-content width, so a long row of chips scrolls instead of widening
     the host page's layout (a grid track of 1fr would grow to fit it). */
  width: 0; min-width: 100%; }
.chip { flex: none; min-height: 36px; padding: 4px 14px; border-width: 1px; border-color: var(--kindred-track);
  font-size: 0.875rem; text-transform: capitalize; }
.chip[aria-pressed="true"] { background: var(--kindred-accent); color: var(--kindred-accent-ink); border-color: var(--kindred-accent); }
.filters { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 10px 0 0; font-size: 0.875rem; }
.filter { display: inline-flex; align-items: center; gap: 6px; min-height: 32px; cursor: pointer; }
.filter-box { width: 18px; height: 18px; accent-color: var(--kindred-accent); }
.count { margin: 12px 0 4px; font-size: 0.8125rem; color: var(--kindred-muted); }
.rewards { list-style: none; margin: 0; padding: 0; }
.reward { display: flex; gap: 12px; align-items: center; padding: 10px 0; border-top: 1px solid var(--kindred-track); }
.reward:first-child { border-top: 0; }
.thumb { position: relative; flex: none; width: 56px; height: 56px; border-radius: 12px; overflow: hidden;
  display: grid; place-items: center; background: var(--kindred-track); color: var(--kindred-muted); font-weight: 700; font-size: 1.25rem; }
.thumb img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; opacity: 0; transition: opacity 200ms; }
.thumb.loaded img { opacity: 1; }
.reward-body { min-width: 0; flex: 1; }
.reward-name { margin: 0; font-size: 1rem; font-weight: 600; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.reward-meta { margin: 2px 0 0; font-size: 0.8125rem; color: var(--kindred-muted); text-transform: none; }
.reward-status { margin: 2px 0 0; font-size: 0.8125rem; font-weight: 600; color: var(--kindred-muted); }
.reward.redeemable .reward-status { color: var(--kindred-accent); }
.reward.out-of-stock .reward-name, .reward.tier-locked .reward-name { color: var(--kindred-muted); }
.redeem { flex: none; min-height: 40px; padding: 6px 16px; background: var(--kindred-accent); color: var(--kindred-accent-ink);
  font-weight: 600; }
.dialog { width: min(92vw, 420px); border: 0; border-radius: var(--kindred-radius); padding: 24px;
  background: var(--kindred-surface); color: var(--kindred-ink); font-family: var(--kindred-font);
  box-shadow: 0 12px 48px rgb(0 0 0 / 0.3); }
.dialog::backdrop { background: rgb(0 0 0 / 0.45); }
.dialog-title { margin: 0 0 8px; font-size: 1.25rem; overflow-wrap: anywhere; }
.dialog-text { margin: 0 0 12px; color: var(--kindred-muted); overflow-wrap: anywhere; }
.dialog-summary { margin: 0 0 12px; font-weight: 600; }
.dialog-status { margin: 0 0 12px; min-height: 1.4em; }
.voucher { display: block; margin: 0 0 12px; padding: 12px; border-radius: 12px; border: 2px dashed var(--kindred-accent);
  font: 700 1.375rem/1.2 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; letter-spacing: 0.06em;
  text-align: center; user-select: all; overflow-wrap: anywhere; }
.dialog-actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; }
.primary { background: var(--kindred-accent); color: var(--kindred-accent-ink); font-weight: 600; }
.primary:disabled { opacity: 0.6; cursor: progress; }
.activity-list { list-style: none; margin: 0; padding: 0; }
.activity { display: flex; gap: 12px; align-items: center; justify-content: space-between; padding: 10px 0;
  border-top: 1px solid var(--kindred-track); }
.activity:first-child { border-top: 0; }
.activity-body { min-width: 0; }
.activity-text { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.activity-meta { margin: 2px 0 0; font-size: 0.8125rem; color: var(--kindred-muted); }
.activity-points { margin: 0; flex: none; font-weight: 700; font-variant-numeric: tabular-nums; }
.activity.earned .activity-points { color: var(--kindred-accent); }
.empty { margin: 16px 0; color: var(--kindred-muted); }
.more { display: block; margin: 12px auto 0; }
.games { position: relative; }
.games-list { list-style: none; margin: 0; padding: 0; }
.game-card { display: flex; gap: 12px; align-items: center; justify-content: space-between; padding: 12px 0;
  border-top: 1px solid var(--kindred-track); }
.game-card:first-child { border-top: 0; }
.game-text { min-width: 0; flex: 1; }
.game-title, .stage-title { margin: 0; font-size: 1rem; font-weight: 600; overflow-wrap: anywhere; }
.game-description, .game-meta, .game-prizes, .game-blocked, .hint { margin: 2px 0 0; font-size: 0.8125rem;
  color: var(--kindred-muted); overflow-wrap: anywhere; }
.game-prizes { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.game-blocked { color: var(--kindred-warn-ink); }
.link { border: 0; padding: 4px 0; min-height: 32px; color: var(--kindred-accent); font-weight: 600; }
.stage { display: grid; gap: 12px; justify-items: center; text-align: center; }
.stage > .link { justify-self: start; }
.game { display: grid; gap: 12px; justify-items: center; width: 100%; }
.wheel { width: 260px; max-width: 100%; aspect-ratio: 1; }
.scratch-card { position: relative; width: 280px; max-width: 100%; aspect-ratio: 2; border-radius: 12px; overflow: hidden;
  background: var(--kindred-warn-surface); display: grid; place-items: center; }
.scratch-prize { margin: 0; padding: 8px; font-size: 1.25rem; font-weight: 700; overflow-wrap: anywhere; }
.scratch-cover { position: absolute; inset: 0; width: 100%; height: 100%; touch-action: none; cursor: crosshair; }
.memory-grid { display: grid; grid-template-columns: repeat(4, minmax(44px, 64px)); gap: 8px; }
.memory-card { aspect-ratio: 1; min-width: 44px; padding: 0; border-radius: 12px; font-size: 1.5rem;
  background: var(--kindred-accent); color: var(--kindred-accent-ink); }
.memory-card[data-face="up"] { background: var(--kindred-surface); color: var(--kindred-ink); }
.memory-card[data-face="matched"] { background: var(--kindred-track); color: var(--kindred-ink); border-color: var(--kindred-track); }
.memory-moves, .quiz-progress { margin: 0; font-size: 0.875rem; color: var(--kindred-muted); }
.quiz-stage { display: grid; gap: 10px; width: 100%; }
.quiz-question { margin: 0; font-size: 1.0625rem; font-weight: 600; overflow-wrap: anywhere; }
.quiz-options { display: grid; gap: 8px; }
.quiz-option { border-radius: 12px; text-align: start; overflow-wrap: anywhere; }
.quiz-timer { display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: 8px; font-size: 0.875rem; }
.quiz-timer .bar { flex: 1 1 100%; height: 8px; }
.quiz-timer .bar-fill { transform: none; transition: width 250ms linear; }
.quiz-timer button { min-height: 36px; padding: 4px 14px; font-size: 0.875rem; }
.quiz-review { margin: 0; padding-inline-start: 20px; text-align: start; display: grid; gap: 6px; }
.review-line { display: block; font-size: 0.8125rem; color: var(--kindred-muted); }
.checkin-streak { margin: 0; font-size: 1.25rem; font-weight: 700; }
.checkin-strip { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(7, minmax(0, 1fr));
  gap: 4px; width: 100%; }
.day { display: grid; justify-items: center; gap: 2px; padding: 6px 0; border-radius: 10px; background: var(--kindred-track);
  font-size: 0.75rem; color: var(--kindred-muted); min-width: 0; }
.day.today { outline: 2px solid var(--kindred-accent); }
.day.checked { background: var(--kindred-accent); color: var(--kindred-accent-ink); }
.day-mark { font-size: 1rem; font-weight: 700; }
.day-bonus { font-weight: 700; color: var(--kindred-warn-ink); }
.game-result { margin: 0; min-height: 1.4em; font-weight: 600; overflow-wrap: anywhere; }
.result-actions { display: grid; gap: 8px; justify-items: center; width: 100%; }
.fairness { width: 100%; text-align: start; font-size: 0.8125rem; border-radius: 10px; padding: 8px 12px;
  background: var(--kindred-track); }
.fairness summary { cursor: pointer; font-weight: 600; min-height: 24px; }
.fairness.verified summary::before { content: "✓ "; color: var(--kindred-accent); }
.fairness.unverified { background: var(--kindred-warn-surface); color: var(--kindred-warn-ink); }
.fairness.unverified summary::before { content: "⚠ "; }
.proof { margin: 8px 0 0; display: grid; gap: 6px; }
.proof dt { font-weight: 600; }
.proof dd { margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.moments-section { position: relative; margin: 18px 0 0; }
.moments-title { margin: 0 0 8px; font-size: 0.875rem; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase;
  color: var(--kindred-muted); }
.moments { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.moment { display: grid; gap: 8px; justify-items: start; padding: 12px 14px; border-radius: 12px; background: var(--kindred-track); }
.moment-text { margin: 0; overflow-wrap: anywhere; }
.moment-surprise { background: var(--kindred-accent); color: var(--kindred-accent-ink); }
.moment-surprise .primary { background: var(--kindred-accent-ink); color: var(--kindred-accent); border-color: var(--kindred-accent-ink); }
.moment-expiring, .moment-countdown { background: var(--kindred-warn-surface); color: var(--kindred-warn-ink); }
.moment-failure { margin: 0; font-size: 0.875rem; }
.moment .dismiss { min-height: 32px; padding: 4px 14px; font-size: 0.875rem; }
.celebration { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none; }
@media (prefers-reduced-motion: reduce) {
  .bar-fill { transition: none; }
  .spinner { animation: none; }
  .thumb img { transition: none; }
  .quiz-timer .bar-fill { transition: none; }
}
`;

let sheet = null;

/** Gives `shadowRoot` the widget's styles, sharing one sheet between widgets. */
export function adoptWidgetStyles(shadowRoot) {
  if ('adoptedStyleSheets' in shadowRoot && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(css);
    shadowRoot.adoptedStyleSheets = [sheet];
  } else {
    // Older webviews: a <style> element, which a strict style-src would block.
    const style = document.createElement('style');
    style.textContent = css;
    shadowRoot.append(style);
  }
}
