// Loads the wasm engine once per page. The .wasm is found next to this module
// (new URL(..., import.meta.url)), so it works from a CDN, a bundle or a plain
// folder; `wasmUrl` or `wasmBinary` override that. Compilation streams while
// the bytes download; a server that sends the wrong MIME type still works,
// with a warning, at the cost of compiling after the download.

import { KindredError } from './kindred_error.js';

let cached = null;

/**
 * @param {{wasmUrl?: string|URL, wasmBinary?: ArrayBuffer|Uint8Array}} [options]
 * @returns {Promise<object>} the Embind module (its `Core` class is the engine)
 */
export function loadKindredCore(options = {}) {
  if (!cached) {
    cached = instantiate(options);
    cached.catch(() => { cached = null; });  // a later call may try again
  }
  return cached;
}

async function instantiate({ wasmUrl, wasmBinary }) {
  const url = String(wasmUrl ?? new URL('./kindred-core.wasm', import.meta.url));
  if (typeof WebAssembly !== 'object') {
    throw new KindredError('engine', 'The rewards widget cannot run in this browser.', { reason: 'unsupported', url });
  }
  // The engine compiles while its JS glue downloads: neither needs the other.
  const compiling = wasmBinary ? null : compileFrom(url);
  compiling?.catch(() => {});  // observed below, through instantiateWasm
  try {
    const { default: createKindredCore } = await import('./kindred-core.mjs');
    let failLoading;
    const failed = new Promise((_, reject) => { failLoading = reject; });
    const ready = createKindredCore({
      ...(wasmBinary ? { wasmBinary } : {
        instantiateWasm(imports, receiveInstance) {
          compiling
            .then((module) => WebAssembly.instantiate(module, imports)
              .then((instance) => receiveInstance(instance, module)))
            .catch(failLoading);
          return {};
        },
      }),
      // Emscripten prints aborts here; keep them, labelled, for the developer console.
      printErr: (text) => console.error('[kindred]', text),
    });
    return await Promise.race([ready, failed]);
  } catch (error) {
    throw error instanceof KindredError ? error : new KindredError('engine',
      'The rewards widget could not start in this browser.', { reason: whyNotStarted(error), cause: String(error?.message ?? error), url });
  }
}

// A reason the host page can act on: 'csp' (add 'wasm-unsafe-eval' to
// script-src), 'not-wasm' (the URL serves something else, often an HTML
// fallback page), else 'compile' (the engine's glue failed to start).
function whyNotStarted(error) {
  const text = String(error?.message ?? error);
  if (/unsafe-eval|Content Security Policy/i.test(text)) return 'csp';
  if (/magic word|expected magic/i.test(text)) return 'not-wasm';
  return 'compile';
}

async function compileFrom(url) {
  const response = await fetch(url, { credentials: 'same-origin' }).catch((error) => {
    throw new KindredError('engine', 'The rewards widget could not download its engine.',
      { reason: 'download', cause: String(error?.message ?? error), url });
  });
  if (!response.ok) {
    throw new KindredError('engine', 'The rewards widget could not download its engine.',
      { reason: 'download', url, status: response.status });
  }
  if (WebAssembly.compileStreaming) {
    try {
      return await WebAssembly.compileStreaming(response.clone());
    } catch (error) {
      // A CSP without 'wasm-unsafe-eval' fails the same way in both paths;
      // only a MIME type problem is worth the second attempt.
      if (!/mime|content-type/i.test(String(error?.message))) throw error;
      console.warn(`[kindred] ${url} is not served as application/wasm; compiling after download instead.`);
    }
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
