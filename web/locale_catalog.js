// Which message catalog a widget speaks, and fetching it. Every language,
// English too, is a JSON file next to the module, fetched while the engine
// compiles: a shopper downloads one language, not six, and no language pays
// for another's words in the bundle.

// One literal `new URL(..., import.meta.url)` per file, not a template: that
// is the form Vite and webpack recognise, so they copy each catalog into the
// app's build as an asset and rewrite the address.
const CATALOG_URLS = {
  en: () => new URL('./locales/en.json', import.meta.url),
  es: () => new URL('./locales/es.json', import.meta.url),
  fr: () => new URL('./locales/fr.json', import.meta.url),
  de: () => new URL('./locales/de.json', import.meta.url),
  ar: () => new URL('./locales/ar.json', import.meta.url),
  ja: () => new URL('./locales/ja.json', import.meta.url),
};

export const LANGUAGES = Object.keys(CATALOG_URLS);

const RIGHT_TO_LEFT = new Set(['ar']);
const CATALOG_TIMEOUT_MS = 10000;

/**
 * The catalog language for a BCP 47 tag: 'es-MX' speaks 'es', 'ar-EG' speaks
 * 'ar'; a language without a catalog, or a tag that is not one, speaks English.
 * @param {string} tag
 */
export function catalogLanguage(tag) {
  try {
    const language = new Intl.Locale(String(tag)).language;
    return LANGUAGES.includes(language) ? language : 'en';
  } catch {
    return 'en';
  }
}

/** 'rtl' for a language written right to left, else 'ltr'. */
export const textDirection = (language) => (RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr');

const loaded = new Map();
const loading = new Map();

/** The catalog for `language` if it is already here, without waiting; else null. */
export const cachedCatalog = (language) => loaded.get(language) ?? null;

/**
 * Fetches (once per page) the catalog for `language`. Rejects with a
 * readable Error if it cannot be fetched or is not a flat object of strings;
 * a later call tries again.
 * @param {string} language  one of LANGUAGES
 * @returns {Promise<Record<string, string>>}
 */
export function loadCatalog(language) {
  if (loaded.has(language)) return Promise.resolve(loaded.get(language));
  if (!loading.has(language)) {
    const url = CATALOG_URLS[language]();
    // A CDN that never answers must not leave the widget loading for good.
    const request = fetch(url, { signal: AbortSignal.timeout?.(CATALOG_TIMEOUT_MS) })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((catalog) => {
        const strings = catalog && typeof catalog === 'object' && !Array.isArray(catalog) &&
          Object.values(catalog).every((message) => typeof message === 'string');
        if (!strings) throw new Error('not a catalog of strings');
        loaded.set(language, catalog);
        return catalog;
      })
      .catch((error) => { throw new Error(`Messages for "${language}" could not be loaded from ${url}: ${error.message}`); })
      .finally(() => loading.delete(language));
    loading.set(language, request);
  }
  return loading.get(language);
}

/**
 * The key of a plural message for `count`: `${base}.${category}` by the
 * language's plural rules (Arabic has six categories, Japanese one), or
 * `${base}.other` when the catalog has no message for that category.
 */
export function pluralKey(catalog, language, base, count) {
  const key = `${base}.${new Intl.PluralRules(language).select(count)}`;
  return key in catalog ? key : `${base}.other`;
}
