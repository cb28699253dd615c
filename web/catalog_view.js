// The rewards catalog screen: search, category chips, filters and sort over
// the core's catalog view model (sdk/include/kindred/catalog_view.hpp), and a
// list that pages ("Show more") so 100,000 rewards never become 100,000
// nodes. The element owns the query; this file only draws and reports.

import { h } from './dom.js';
import { safeImageUrl } from './safe_image_url.js';

const SORTS = ['popular', 'for-you', 'closest', 'cost-asc', 'cost-desc', 'newest'];
const FILTERS = [['affordable', 'catalog.filter.affordable'], ['eligible', 'catalog.filter.eligible'],
  ['inStock', 'catalog.filter.inStock']];

/**
 * @param {(key: string, params?: object) => string} t
 * @param {{onQuery: (change: object) => void, onMore: () => void, imageBase: () => string,
 *   onRedeem: (item: object, button: HTMLElement) => void}} actions
 */
export function createCatalogView(t, { onQuery, onMore, imageBase, onRedeem }) {
  const search = h('input', {
    type: 'search', class: 'search', part: 'search', placeholder: t('catalog.searchPlaceholder'),
    'aria-label': t('catalog.searchLabel'), autocomplete: 'off', enterkeyhint: 'search',
  });
  search.addEventListener('input', () => onQuery({ text: search.value }));

  const sort = h('select', { class: 'sort', part: 'sort', 'aria-label': t('catalog.sortLabel') },
    ...SORTS.map((name) => h('option', { value: name }, t(`catalog.sort.${name}`))));
  sort.addEventListener('change', () => onQuery({ sort: sort.value }));

  const boxes = {};
  const filterBoxes = FILTERS.map(([name, key]) => {
    const box = h('input', { type: 'checkbox', class: 'filter-box' });
    box.addEventListener('change', () => onQuery({ [name]: box.checked }));
    boxes[name] = box;
    return h('label', { class: 'filter', part: 'filter' }, box, t(key));
  });

  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': t('catalog.categoriesLabel') });
  let chipNames = '';
  let selectedCategory = '';
  const count = h('p', { class: 'count', role: 'status' });
  const list = h('ul', { class: 'rewards', part: 'reward-list' });
  const empty = h('p', { class: 'empty', hidden: true }, t('catalog.empty'));
  const more = h('button', { type: 'button', class: 'more', part: 'button', hidden: true }, t('catalog.more'));
  more.addEventListener('click', onMore);

  function renderChips(categories) {
    const names = categories.join('\n');
    if (names === chipNames) return;
    chipNames = names;
    const chip = (value, label) => {
      const button = h('button', { type: 'button', class: 'chip', part: 'chip', 'aria-pressed': String(value === selectedCategory) }, label);
      button.addEventListener('click', () => {
        selectedCategory = value;
        for (const other of chips.children) other.setAttribute('aria-pressed', String(other === button));
        onQuery({ categories: value ? [value] : [] });
      });
      return button;
    };
    chips.replaceChildren(chip('', t('catalog.allCategories')),
      ...categories.map((category) => chip(category, category.replace(/[-_]+/g, ' '))));
  }

  function statusText(item) {
    switch (item.availability) {
      case 'redeemable': return t('catalog.redeemable');
      case 'points-away': return t('catalog.pointsAway', { points: item.pointsAway });
      case 'tier-locked': return t('catalog.tierLocked', { tier: item.tier?.name ?? '' });
      case 'early-access': return t('catalog.earlyAccess', { tier: item.tier?.name ?? '', date: item.earlyAccessUntil });
      default: return t('catalog.outOfStock');
    }
  }

  function row(item) {
    const src = safeImageUrl(item.imageUrl, imageBase());
    // The first letter or digit: a name may open with a space, a zero-width
    // joiner or half of an emoji's surrogate pair.
    const initial = item.name.match(/[\p{L}\p{N}]/u)?.[0] ?? '?';
    const thumb = h('div', { class: 'thumb', 'aria-hidden': 'true' }, initial.toUpperCase());
    if (src) {
      const image = h('img', { alt: '', loading: 'lazy', decoding: 'async', width: '56', height: '56' });
      image.addEventListener('load', () => thumb.classList.add('loaded'), { once: true });
      image.addEventListener('error', () => image.remove(), { once: true });
      image.src = src;
      thumb.append(image);
    }
    const body = h('div', { class: 'reward-body' },
      h('h3', { class: 'reward-name' }, item.name),
      h('p', { class: 'reward-meta' }, t('catalog.cost', { cost: item.cost }), ' · ', item.category.replace(/[-_]+/g, ' ')),
      h('p', { class: 'reward-status' }, statusText(item)));
    const rowElement = h('li', { class: `reward ${item.availability}`, part: 'reward', 'data-reward-id': item.id }, thumb, body);
    if (item.availability === 'redeemable') {
      const redeem = h('button', { type: 'button', class: 'redeem', part: 'redeem', 'aria-label': t('catalog.redeemLabel', { name: item.name }) },
        t('catalog.redeem'));
      redeem.addEventListener('click', () => onRedeem(item, redeem));
      rowElement.append(redeem);
    }
    return rowElement;
  }

  const root = h('div', { class: 'catalog' },
    h('div', { class: 'controls' }, search, sort),
    chips,
    h('div', { class: 'filters' }, ...filterBoxes),
    count, list, empty, more);

  return {
    root,
    /** Ticks or clears a filter as if the shopper had (a link from elsewhere in the widget). */
    setFilter(name, on) {
      boxes[name].checked = on;
      onQuery({ [name]: on });
    },
    /**
     * @param {object} view  a "ready" catalog view model
     * @param {{append: boolean}} options  true when the view is the next page of the list
     */
    update(view, { append }) {
      renderChips(view.categories);
      sort.value = view.sort ?? sort.value;
      // A refresh while the shopper is on a row (back from the redemption
      // dialog, say) must not drop their focus with the old row.
      const active = root.getRootNode().activeElement;
      const focusedId = active && list.contains(active) ? active.closest('[data-reward-id]')?.dataset.rewardId : null;
      const rows = view.items.map(row);
      if (append) list.append(...rows); else list.replaceChildren(...rows);
      if (focusedId !== null && focusedId !== undefined && !list.contains(root.getRootNode().activeElement)) {
        const again = list.querySelector(`[data-reward-id="${CSS.escape(focusedId)}"]`);
        (again?.querySelector('.redeem') ?? search).focus();
      }
      count.textContent = t.plural('catalog.count', view.total, { total: view.total });
      empty.hidden = view.total > 0;
      more.hidden = !view.nextCursor;
    },
  };
}
