// Fills a catalog message's {name:type} placeholders through Intl, so numbers,
// money, dates and plurals follow the shopper's locale. The result is plain
// text: callers put it in textContent, never innerHTML.
//
// In a right-to-left message each filled-in value is wrapped in Unicode
// first-strong isolates (U+2068 ... U+2069): a backend name in Latin script,
// or a number, then keeps its own direction without reordering the Arabic
// around it (the same as ICU MessageFormat's bidi isolation).

/**
 * @param {Record<string,string>} catalog
 * @param {string} key
 * @param {Record<string, string|number>} params
 * @param {{locale: string, currency?: {singular: string, plural: string}, moneyCurrency?: string, isolate?: boolean}} context
 */
export function formatMessage(catalog, key, params, context) {
  const template = catalog[key];
  if (template === undefined) return key;  // visible, and greppable, rather than blank
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (_, name, type) => {
    const value = name in params ? params[name] : context[name];
    if (value === undefined || value === null) return '';
    const text = formatters[type ?? 'text'](value, context, params);
    return context.isolate ? `\u2068${text}\u2069` : text;
  });
}

const formatters = {
  text: (value) => String(value),
  number: (value, { locale }) => new Intl.NumberFormat(locale).format(value),
  pointsWord: (value, { locale, currency = { singular: 'point', plural: 'points' } }) =>
    (new Intl.PluralRules(locale).select(value) === 'one' ? currency.singular : currency.plural),
  points: (value, context) => `${formatters.number(value, context)} ${formatters.pointsWord(value, context)}`,
  money: (value, { locale }, params) => new Intl.NumberFormat(locale, {
    style: 'currency', currency: params.moneyCurrency || 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0,
  }).format(value),
  // Calendar days from the backend ("2026-12-31") are shown as that day,
  // whatever the shopper's time zone.
  date: (value, { locale }) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    .format(new Date(`${value}T00:00:00Z`)),
  relativeDays: (value, { locale }) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, 'day'),
};
