// Writes dist/, the widget as a page downloads it:
//   index.js            the shim (web/), bundled and minified into one ES module
//   kindred-core.mjs    Emscripten's glue, minified (it ships unmangled from emcc
//                       without Closure, which Debian's emscripten lacks)
//   kindred-core.wasm   the engine, as emcc optimized it
//   index.d.ts          the typed API
// The shim loads the glue with a dynamic import('./kindred-core.mjs'), kept
// external so the engine downloads in parallel with the first paint.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const raw = `${root}build/wasm/dist-raw`;
const dist = `${root}dist`;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

const common = { format: 'esm', minify: true, target: 'es2020', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
await build({
  ...common,
  entryPoints: [`${root}web/index.js`],
  bundle: true,
  external: ['./kindred-core.mjs'],
  outfile: `${dist}/index.js`,
});
await build({ ...common, entryPoints: [`${raw}/kindred-core.mjs`], outfile: `${dist}/kindred-core.mjs` });
copyFileSync(`${raw}/kindred-core.wasm`, `${dist}/kindred-core.wasm`);
if (existsSync(`${root}web/index.d.ts`)) copyFileSync(`${root}web/index.d.ts`, `${dist}/index.d.ts`);
