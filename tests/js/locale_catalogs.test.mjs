// The message catalogs say the same things in every language: the same keys
// as English, the same placeholders (a lost {points} would show a sentence
// with a hole), and a message for every plural category the language's own
// Intl rules can pick. Plus how a page's tag picks a catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

import english from '../../web/messages_en.js';
import { LANGUAGES, catalogLanguage, pluralKey, textDirection } from '../../web/locale_catalog.js';
import { formatMessage } from '../../web/format_message.js';

const web = new URL('../../web/', import.meta.url);
const catalogs = Object.fromEntries(readdirSync(new URL('locales/', web)).map((file) =>
  [file.replace('.json', ''), JSON.parse(readFileSync(new URL(`locales/${file}`, web), 'utf8'))]));

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const pluralBase = (key) => {
  const dot = key.lastIndexOf('.');
  return CATEGORIES.includes(key.slice(dot + 1)) ? key.slice(0, dot) : null;
};
const placeholders = (message) => (message.match(/\{\w+(?::\w+)?\}/g) ?? []).sort();
const englishPlurals = new Set(Object.keys(english).map(pluralBase).filter(Boolean));

test('there is one catalog file for every language but English, and no other', () => {
  assert.deepEqual(Object.keys(catalogs).sort(), LANGUAGES.filter((language) => language !== 'en').sort());
});

for (const [language, catalog] of Object.entries(catalogs)) {
  test(`${language}: every English message, with the same placeholders`, () => {
    for (const [key, message] of Object.entries(english)) {
      if (pluralBase(key)) continue;
      assert.ok(key in catalog, `${language} has no "${key}"`);
      assert.ok(catalog[key].trim(), `${language} "${key}" is empty`);
      assert.deepEqual(placeholders(catalog[key]), placeholders(message), `${language} "${key}": ${catalog[key]}`);
    }
    for (const key of Object.keys(catalog)) {
      const base = pluralBase(key);
      assert.ok(key in english || (base && englishPlurals.has(base)), `${language} has a key English does not: "${key}"`);
    }
  });

  test(`${language}: every plural group has each category Intl.PluralRules('${language}') picks`, () => {
    const rules = new Intl.PluralRules(language);
    const picked = new Set([...Array.from({ length: 1001 }, (_, n) => rules.select(n)), rules.select(1e6)]);
    for (const base of englishPlurals) {
      const allowed = new Set(Object.keys(english).filter((key) => pluralBase(key) === base).flatMap((key) => placeholders(english[key])));
      for (const category of picked) {
        const key = `${base}.${category}`;
        assert.ok(key in catalog, `${language} has no "${key}"`);
        // A category may drop the number ("مكافأتان" is "two rewards"), never add one.
        for (const name of placeholders(catalog[key])) assert.ok(allowed.has(name), `${language} "${key}" has ${name}`);
      }
    }
  });
}

test('a page tag picks its language\'s catalog; anything else, or garbage, speaks English', () => {
  assert.equal(catalogLanguage('es-MX'), 'es');
  assert.equal(catalogLanguage('ar-EG'), 'ar');
  assert.equal(catalogLanguage('ja'), 'ja');
  assert.equal(catalogLanguage('DE-de'), 'de');
  assert.equal(catalogLanguage('pt-BR'), 'en');
  assert.equal(catalogLanguage('not a tag!'), 'en');
  assert.equal(catalogLanguage(''), 'en');
  assert.equal(textDirection('ar'), 'rtl');
  assert.equal(textDirection('ja'), 'ltr');
});

test('Arabic counts pick their own plural messages; a missing category falls back to other', () => {
  const ar = catalogs.ar;
  const keys = [0, 1, 2, 3, 11, 100].map((n) => pluralKey(ar, 'ar', 'catalog.count', n));
  assert.deepEqual(keys, ['zero', 'one', 'two', 'few', 'many', 'other'].map((c) => `catalog.count.${c}`));
  assert.equal(pluralKey(english, 'ja', 'catalog.count', 1), 'catalog.count.other');
  assert.equal(pluralKey(english, 'en', 'catalog.count', 1), 'catalog.count.one');
});

test('in a right-to-left message each value keeps its own direction, isolated', () => {
  const text = formatMessage({ greeting: 'مرحبًا {name}، لديك {points:number}' }, 'greeting',
    { name: 'Ada Lovelace', points: 1240 }, { locale: 'ar', isolate: true });
  assert.equal(text, `مرحبًا \u2068Ada Lovelace\u2069، لديك \u2068${new Intl.NumberFormat('ar').format(1240)}\u2069`);
  assert.equal(formatMessage({ greeting: 'Hi {name}' }, 'greeting', { name: 'Ada' }, { locale: 'en' }), 'Hi Ada');
});

test('every message key the widget names literally is in the English catalog', () => {
  const missing = [];
  for (const file of readdirSync(web).filter((name) => name.endsWith('.js'))) {
    const source = readFileSync(new URL(file, web), 'utf8');
    for (const [, key] of source.matchAll(/\bt(?:\.plural)?\(\s*'([\w.]+)'/g)) {
      if (!(key in english) && !englishPlurals.has(key)) missing.push(`${file}: ${key}`);
    }
  }
  assert.deepEqual(missing, []);
});
