// The widget's tab bar (WAI-ARIA tabs): click or arrow keys to switch
// screens; only the selected tab is in the Tab order (roving tabindex).

import { h } from './dom.js';

/**
 * @param {{id: string, label: string}[]} screens
 * @param {(id: string) => void} onSelect
 */
export function createScreenTabs(screens, onSelect) {
  const tabs = screens.map(({ id, label }) => {
    const tab = h('button', { type: 'button', role: 'tab', class: 'tab', part: 'tab', 'data-screen': id }, label);
    tab.addEventListener('click', () => onSelect(id));
    return tab;
  });
  const root = h('div', { role: 'tablist', class: 'tabs', part: 'tabs' }, ...tabs);
  root.addEventListener('keydown', (event) => {
    // Right to left, the arrow keys follow the tabs as laid out: ArrowLeft is the next one.
    const forward = getComputedStyle(root).direction === 'rtl' ? -1 : 1;
    const step = { ArrowRight: forward, ArrowLeft: -forward, Home: -Infinity, End: Infinity }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const current = tabs.findIndex((tab) => tab.getAttribute('aria-selected') === 'true');
    const next = Number.isFinite(step) ? (current + step + tabs.length) % tabs.length : step < 0 ? 0 : tabs.length - 1;
    onSelect(tabs[next].dataset.screen);
    tabs[next].focus();
  });
  return {
    root,
    /** @param {string} id  the screen now shown */
    select(id) {
      for (const tab of tabs) {
        const selected = tab.dataset.screen === id;
        tab.setAttribute('aria-selected', String(selected));
        tab.tabIndex = selected ? 0 : -1;
        // On a phone too narrow for every label the row scrolls: keep the
        // chosen tab in it (scrollIntoView would scroll the page too). By
        // boxes on screen, which read the same left to right and right to
        // left (where scrollLeft counts down from 0).
        if (selected && root.scrollWidth > root.clientWidth) {
          const row = root.getBoundingClientRect();
          const box = tab.getBoundingClientRect();
          if (box.left < row.left || box.right > row.right) root.scrollLeft += (box.left + box.right - row.left - row.right) / 2;
        }
      }
    },
  };
}
