// Writes dist/, the widget as a page downloads it:
//   index.js            the shim (web/), bundled by esbuild into one ES module
//   kindred.iife.js     the same for a plain <script> tag (window.Kindred)
//   kindred-core.mjs    Emscripten's glue (it ships unminified from emcc
//                       without Closure, which Debian's emscripten lacks)
//   kindred-core.wasm   the engine, as emcc optimized it, then wasm-opt again
//                       until it stops shrinking
//   games_screen.js     the Games screen, loaded when a shopper first opens it
//   tier_hub_view.js    the Tiers screen, likewise
//   year_card_canvas.js the year-in-review picture, drawn on the shopper's tap
//   webview_bridge.js   fetch over a mobile app's native bridge, loaded on demand
//   locales/*.json      message catalogs (en, es, fr, de, ar, ja), one loaded per page
//   index.d.ts          the typed API
// Both scripts are minified by Terser rather than esbuild alone: its
// compressor drops the glue's unused inner functions and inlines across
// passes, about 1.4 KB gzipped less than esbuild's minifier on the two files.
// The shim loads the glue with a dynamic import('./kindred-core.mjs'), kept
// external so the engine downloads in parallel with the first paint.
import { build, transform } from 'esbuild';
import { minify } from 'terser';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const raw = `${root}build/wasm/dist-raw`;
const dist = `${root}dist`;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

// Browsers the widget supports (as the README lists): no syntax is lowered for them.
const target = ['es2022', 'chrome96', 'safari15', 'firefox95'];

// `import css from './widget.css'` in the shim: the stylesheet, minified, as a string.
const cssAsText = {
  name: 'css-as-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(readFileSync(path, 'utf8'), { loader: 'css', minify: true, target });
      return { contents: `export default ${JSON.stringify(code)};`, loader: 'js' };
    });
  },
};

// The shim is our own code, written to allow three of Terser's "unsafe"
// rewrites: no function expression is called with `new` (classes are
// classes), so they may become arrows and shorthand methods, and no getter
// read for its side effect is left unused. About 150 B gzipped. Emscripten's
// glue is not ours and keeps the safe settings.
const SHIM_COMPRESS = { unsafe_arrows: true, unsafe_methods: true, pure_getters: true };

// Files the entry points import() when needed, each built on its own below:
// the engine's glue, the Games screen, the tier hub, the year card's
// drawing, the webview bridge.
const ON_DEMAND = ['./kindred-core.mjs', './games_screen.js', './tier_hub_view.js', './year_card_canvas.js', './webview_bridge.js'];

async function bundle(options, outfile, compress = {}) {
  const result = await build({
    format: 'esm', ...options, outfile, target, write: false, sourcemap: 'external',
    logLevel: 'warning', legalComments: 'none',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js') || file.path.endsWith('.mjs')).text;
  const map = result.outputFiles.find((file) => file.path.endsWith('.map')).text;
  const minified = await minify(code, {
    module: options.format !== 'iife', ecma: 2020,
    compress: { passes: 3, ...compress },
    format: { comments: false },
    sourceMap: { content: map, url: `${basename(outfile)}.map` },
  });
  writeFileSync(outfile, minified.code);
  writeFileSync(`${outfile}.map`, minified.map);
}

await bundle({ entryPoints: [`${root}web/index.js`], bundle: true, external: ON_DEMAND, plugins: [cssAsText] }, `${dist}/index.js`, SHIM_COMPRESS);
// The same widget for a plain <script> tag (web/script_tag.js): window.Kindred.
// A classic script has no import.meta; its own URL stands in, so the engine
// is still found next to it (and import() resolves against it too).
await bundle({
  entryPoints: [`${root}web/script_tag.js`], bundle: true, external: ON_DEMAND, plugins: [cssAsText],
  format: 'iife', globalName: 'Kindred', define: { 'import.meta.url': '__kindredScriptUrl' },
  banner: { js: 'var __kindredScriptUrl = document.currentScript && document.currentScript.src;' },
}, `${dist}/kindred.iife.js`, SHIM_COMPRESS);
await bundle({ entryPoints: [`${raw}/kindred-core.mjs`] }, `${dist}/kindred-core.mjs`);
// The Games screen and the tier hub (each fetched when a shopper first opens
// it) and the webview bridge (only a page inside a mobile app loads it).
await bundle({ entryPoints: [`${root}web/games_screen.js`], bundle: true }, `${dist}/games_screen.js`, SHIM_COMPRESS);
await bundle({ entryPoints: [`${root}web/tier_hub_view.js`], bundle: true }, `${dist}/tier_hub_view.js`, SHIM_COMPRESS);
await bundle({ entryPoints: [`${root}web/year_card_canvas.js`] }, `${dist}/year_card_canvas.js`, SHIM_COMPRESS);
await bundle({ entryPoints: [`${root}web/webview_bridge.js`] }, `${dist}/webview_bridge.js`, SHIM_COMPRESS);
execFileSync('wasm-opt', ['-Oz', '--converge', `${raw}/kindred-core.wasm`, '-o', `${dist}/kindred-core.wasm`]);
// Message catalogs, one small JSON file per language, fetched only by a
// page in that language. English is written from its source module.
mkdirSync(`${dist}/locales`);
writeFileSync(`${dist}/locales/en.json`, JSON.stringify((await import(`${root}web/messages_en.js`)).default));
for (const name of readdirSync(`${root}web/locales`).filter((file) => file.endsWith('.json'))) {
  writeFileSync(`${dist}/locales/${name}`, JSON.stringify(JSON.parse(readFileSync(`${root}web/locales/${name}`, 'utf8'))));
}
if (existsSync(`${root}web/index.d.ts`)) copyFileSync(`${root}web/index.d.ts`, `${dist}/index.d.ts`);
