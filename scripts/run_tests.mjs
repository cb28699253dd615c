// Runs every suite: GoogleTest through ctest, the core's GoogleTest suite again
// under ASan+UBSan and compiled to wasm under Node, node:test on the built wasm
// and the backend, and the Chromium browser tests. Prints each suite's output
// as it runs and ends with one line, "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(join(root, 'test-results'), { recursive: true });

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    child.stdout.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.on('error', (error) => { output += String(error); });
    child.on('close', (code) => resolve({ code, output }));
  });
}

// A GoogleTest binary's own summary; none when it crashed before printing it.
function gtestCount(output) {
  if (!/^\[==========\] \d+ tests? from .* ran\./m.test(output)) return null;
  const passed = output.match(/^\[  PASSED  \] (\d+) tests?\./m);
  const failed = output.match(/^\[  FAILED  \] (\d+) tests?, listed below/m);
  const counts = { passed: Number(passed?.[1] ?? 0), failed: Number(failed?.[1] ?? 0) };
  return counts.passed + counts.failed > 0 ? counts : null;
}

// The test-only presets that scripts/build.sh --tests builds, and marks as built.
const built = (preset) => existsSync(join(root, 'build', preset, '.kindred-built'));
const presetEnv = (name) => JSON.parse(readFileSync(join(root, 'CMakePresets.json'), 'utf8'))
  .testPresets.find((preset) => preset.name === name)?.environment ?? {};

const testFiles = (dir) => readdirSync(join(root, dir))
  .filter((name) => name.endsWith('.test.mjs')).sort().map((name) => join(dir, name));

const suites = [
  {
    name: 'native (GoogleTest via ctest)',
    command: 'ctest', args: ['--preset', 'native', '-j', '2'],
    count(output) {
      const m = output.match(/(\d+)% tests passed, (\d+) tests? failed out of (\d+)/);
      return m && { passed: Number(m[3]) - Number(m[2]), failed: Number(m[2]) };
    },
  },
  {
    // One process rather than ctest's one per test: ASan's start-up is slow.
    name: 'core (ASan+UBSan)',
    ready: () => built('sanitize'),
    command: join(root, 'build/sanitize/tests/core/kindred_core_tests'), args: ['--gtest_brief=1'],
    env: presetEnv('sanitize'),
    count: gtestCount,
  },
  {
    name: 'core (wasm, Node)',
    ready: () => built('wasm-tests'),
    command: process.execPath, args: ['build/wasm-tests/tests/core/kindred_core_tests.js', '--gtest_brief=1'],
    count: gtestCount,
  },
  ...[['wasm and backend in Node', 'tests/js'], ['browser (Chromium)', 'tests/e2e']].map(([name, dir]) => {
    const tap = join('test-results', `${dir.replace('/', '-')}.tap`);
    return {
      name,
      command: process.execPath,
      args: ['--test', '--test-concurrency=1',
        '--test-reporter=spec', '--test-reporter-destination=stdout',
        '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...testFiles(dir)],
      count() {
        const text = readFileSync(join(root, tap), 'utf8');
        const field = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? NaN);
        const result = { passed: field('pass'), failed: field('fail') + field('cancelled') };
        return Number.isNaN(result.passed + result.failed) ? null : result;
      },
    };
  }),
];

let passed = 0;
let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  if (suite.ready && !suite.ready()) {
    // scripts/build.sh --tests could not build it (its log is above): a failure, not zero tests.
    console.log(`${suite.name}: not built, 0 passed, 1 failed`);
    failed += 1;
    continue;
  }
  const { code, output } = await run(suite.command, suite.args, suite.env);
  let counts = null;
  try { counts = suite.count(output); } catch { counts = null; }
  if (!counts) {
    // A suite that crashed before reporting counts as one failure, never as zero tests.
    console.log(`${suite.name}: no test counts (exit code ${code})`);
    counts = { passed: 0, failed: 1 };
  } else if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
  }
  console.log(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failed += counts.failed;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
