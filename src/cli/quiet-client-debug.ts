/**
 * `DEBUG=*`, `DEBUG=ioredis:*` or `NODE_DEBUG=http` make the clients `check` drives print what they
 * send: Redis AUTH arguments, `X-Vault-Token` headers. Those variables are common in CI, so the
 * CLI switches them off for those clients (and only those), and says so in one line on stderr.
 * `debug` (ioredis, node-vault) and the Azure SDK's logger read DEBUG when first loaded, which is
 * after this runs, and honour `-namespace` exclusions; Node reads NODE_DEBUG once at start-up, so
 * a process started with one of these namespaces is started again without them.
 */

import { spawnSync } from 'node:child_process';

/**
 * What `debug` and the Azure logger must leave silent: the clients that carry credentials, and the
 * HTTP stack under node-vault (axios's follow-redirects logs every request's headers).
 */
const DEBUG_EXCLUSIONS = ['-ioredis:*', '-node-vault', '-follow-redirects', '-axios', '-azure:*', '-typeSpecRuntime:*'];
/** Node's own debug sections that print sockets, TLS sessions and HTTP headers. */
const NODE_SECTIONS = new Set(['http', 'https', 'http2', 'net', 'tls', 'fetch', 'undici', 'request', '*']);

export interface QuietedEnv {
  /** The variables to use from now on. */
  env: NodeJS.ProcessEnv;
  /** What was switched off, for the one stderr line; empty when nothing was. */
  quieted: string[];
  /** Whether NODE_DEBUG changed, which only a new process picks up. */
  restart: boolean;
}

export function quietClientDebug(given: NodeJS.ProcessEnv): QuietedEnv {
  const env = { ...given };
  const quieted: string[] = [];
  if (env.DEBUG && !DEBUG_EXCLUSIONS.every((x) => env.DEBUG?.split(/[\s,]+/).includes(x))) {
    env.DEBUG = [env.DEBUG, ...DEBUG_EXCLUSIONS].join(',');
    quieted.push('DEBUG');
  }
  if (env.AZURE_LOG_LEVEL) {
    delete env.AZURE_LOG_LEVEL;
    quieted.push('AZURE_LOG_LEVEL');
  }
  let restart = false;
  if (env.NODE_DEBUG) {
    const sections = env.NODE_DEBUG.split(/[\s,]+/).filter(Boolean);
    const kept = sections.filter((s) => !NODE_SECTIONS.has(s.toLowerCase()));
    if (kept.length !== sections.length) {
      if (kept.length) env.NODE_DEBUG = kept.join(',');
      else delete env.NODE_DEBUG;
      quieted.push('NODE_DEBUG');
      restart = true;
    }
  }
  return { env, quieted, restart };
}

/**
 * Switches the clients' debug output off for the rest of this process, saying so on stderr; when
 * only a new process can (NODE_DEBUG), runs the same command again in one and returns its exit
 * code. Called first by `check`, the one command that drives network clients, before any loads.
 */
export function quietClientDebugOrRestart(): number | undefined {
  const { env, quieted, restart } = quietClientDebug(process.env);
  if (quieted.length) process.stderr.write(quietedNotice(quieted));
  if (restart) return restartWith(env);
  process.env = env;
  return undefined;
}

/**
 * The same command in a new process with `env` (Node reads NODE_DEBUG only at start-up). `--`
 * keeps a `--env-file` among the arguments ours, not Node 20's (nodejs/node#54232).
 */
function restartWith(env: NodeJS.ProcessEnv): number {
  const [script, ...args] = process.argv.slice(1);
  const child = spawnSync(process.execPath, [...process.execArgv, '--', script as string, ...args], { env, stdio: 'inherit' });
  if (child.error) throw child.error;
  return child.status ?? 2;
}

export function quietedNotice(quieted: readonly string[]): string {
  return `maverics-config: ${quieted.join(', ')} ignored for the Redis and secret-provider clients (their debug output carries credentials); see docs/secrets.md\n`;
}
