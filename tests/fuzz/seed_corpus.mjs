// Writes libFuzzer seeds into a folder (scripts/fuzz.sh makes it in /tmp):
// JSONTestSuite's test_parsing files and the Big List of Naughty Strings from
// ../shared/corpora, each naughty string alone, as a catalog search and as a
// member's name (as fuzz_seeds_test.cpp does), and the demo's seed data.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [corpora, seedDir, out] = process.argv.slice(2);
const copyAll = (dir, prefix) => {
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  for (const name of names) copyFileSync(join(dir, name), join(out, prefix + name));
  return names.length;
};

let count = copyAll(join(corpora, 'json-test-suite', 'test_parsing'), 'jsonts-');
count += copyAll(seedDir, 'demo-');
const blns = join(corpora, 'naughty-strings', 'blns.json');
copyFileSync(blns, join(out, 'blns.json'));
const member = { id: 'm_ada', name: '', points: 1240, pendingPoints: 60, lifetimePoints: 5230,
  qualifyingPoints: 1380, tierId: 'trailblazer', tierWindowEnd: '2026-12-31', expiring: [] };
JSON.parse(readFileSync(blns, 'utf8')).forEach((s, i) => {
  writeFileSync(join(out, `blns-${i}`), s);
  writeFileSync(join(out, `blns-${i}-query.json`), JSON.stringify({ text: s, sort: 'for-you' }));
  writeFileSync(join(out, `blns-${i}-member.json`), JSON.stringify({ ...member, name: s }));
  count += 3;
});
console.log(`fuzz: ${count + 1} seeds in ${out}`);
