// Starts the reference backend (build/native/demo/server/kindred-server, or
// the binary KINDRED_SERVER_BIN names, e.g. from another build directory) for
// a test and resolves once it is listening. Shared by the HTTP and browser suites.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverBinary = process.env.KINDRED_SERVER_BIN
  ? path.resolve(process.env.KINDRED_SERVER_BIN)
  : path.join(repoRoot, 'build/native/demo/server/kindred-server');

const LISTENING = /^Kindred reference backend listening on (http:\/\/\S+:(\d+)\/)$/m;

/**
 * @param {object} [options]
 * @param {string[]} [options.args]  command line, e.g. ['--port', '0', '--db', file]
 * @param {string} [options.cwd]  defaults to the repository root
 * @param {NodeJS.ProcessEnv} [options.env]  defaults to this process's environment
 * @param {number} [options.timeoutMs]  how long to wait for the listening line
 * @returns {Promise<{url: string, port: number, stderr: () => string,
 *   stop: () => Promise<{code: number|null, signal: string|null}>}>}
 *   Rejects, with the server's stderr in the message, if it exits or stays
 *   silent before listening.
 */
export function startServer({
  args = [], cwd = repoRoot, env = process.env, timeoutMs = 10_000,
} = {}) {
  const child = spawn(serverBinary, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // Both pipes are drained for the server's whole life: a full pipe would block it.
  child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });

  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
  });

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      const result = await exited;
      clearTimeout(force);
      return result;
    }
    return exited;
  }

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(
        `kindred-server did not start listening within ${timeoutMs} ms.\nstderr:\n${stderr}`));
    }, timeoutMs);

    child.stdout.on('data', () => {
      const match = LISTENING.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1], port: Number(match[2]), stderr: () => stderr, stop });
    });

    exited.then(({ code, signal, error }) => {
      clearTimeout(timer);
      const why = error ? `could not be started (${error.message}; is it built?)`
        : `exited before listening (${signal ?? `code ${code}`})`;
      reject(new Error(`kindred-server ${why}.\nstderr:\n${stderr}`));
    });
  });
}
