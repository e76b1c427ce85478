/**
 * A small HTTPS client for the providers whose vendors ship no Node client (Conjur, Delinea,
 * CyberArk CCP): one keep-alive agent per provider (so a CA bundle and a client certificate apply
 * to every request), the caller's AbortSignal honoured, a hard upper bound per exchange, and a cap
 * on the answer's size. It reports failures as SecretProviderErrors that name the provider and the
 * step, never a header, a body or a URL query (which is where credentials travel).
 *
 * `node:https` rather than `fetch`: fetch cannot take a per-client CA or client certificate
 * without undici's Agent, which is not a dependency here.
 */
import { Agent, request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { rootCertificates } from 'node:tls';
import { SecretProviderError, type SecretProviderErrorKind } from '../provider.js';
import { abortError, errorCode, networkError, safeCause } from './shared.js';

/** Upper bound on one exchange, so nothing lingers after the resolver's own deadline. */
const CLIENT_TIMEOUT_MS = 30_000;
/** Secrets and vendor error bodies are small; a larger answer is not one of them. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface TlsMaterial {
  /** Extra CA certificates (PEM), trusted besides Node's own roots. */
  ca?: Buffer[];
  /** Client certificate and key for mutual TLS. */
  cert?: Buffer;
  key?: Buffer;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpCall {
  method: 'GET' | 'POST';
  /** Path and query, appended to the transport's base path. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /** Names the step in messages, e.g. `authenticating as host/maverics`. */
  what: string;
}

export class HttpsTransport {
  readonly #origin: string;
  readonly #basePath: string;
  readonly #agent: Agent;
  readonly #description: string;

  /**
   * @param origin `https://host[:port]`
   * @param basePath a path prefix without trailing slash (`''`, `/SecretServer`)
   */
  constructor(origin: string, basePath: string, tls: TlsMaterial, description: string) {
    this.#origin = origin;
    this.#basePath = basePath.replace(/\/+$/, '');
    this.#description = description;
    this.#agent = new Agent({
      keepAlive: true,
      // Giving `ca` replaces Node's roots, so keep them: a public CA must still work.
      ...(tls.ca?.length ? { ca: [...rootCertificates, ...tls.ca.map((b) => b.toString('utf8'))] } : {}),
      ...(tls.cert ? { cert: tls.cert } : {}),
      ...(tls.key ? { key: tls.key } : {}),
    });
  }

  close(): void {
    this.#agent.destroy();
  }

  request(call: HttpCall): Promise<HttpAnswer> {
    const { signal } = call;
    if (signal.aborted) return Promise.reject(abortError(signal, `${this.#description}: ${call.what}`));
    return new Promise<HttpAnswer>((resolve, reject) => {
      const url = new URL(`${this.#basePath}${call.path}`, this.#origin);
      const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
      if (call.body !== undefined) headers['content-length'] = String(Buffer.byteLength(call.body));
      let settled = false;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        reject(this.#transportError(error, call.what, signal));
      };
      const req = httpsRequest(url, { method: call.method, headers, agent: this.#agent, signal, timeout: CLIENT_TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            res.destroy();
            if (!settled) {
              settled = true;
              reject(new SecretProviderError('bad-response', `${this.#description}: ${call.what}: the answer is larger than ${MAX_BODY_BYTES} bytes`));
            }
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', fail);
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('socket timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', fail);
      req.end(call.body);
    });
  }

  /** A transport failure (no HTTP answer) → SecretProviderError, keeping only its code. */
  #transportError(error: unknown, what: string, signal: AbortSignal): SecretProviderError {
    if (error instanceof SecretProviderError) return error;
    if (signal.aborted) return abortError(signal, `${this.#description}: ${what}`);
    return (
      networkError(error, `${this.#description}: ${what}`) ??
      new SecretProviderError('unreachable', `${this.#description}: ${what} failed: cannot connect (${errorCode(error) ?? 'connection error'})`, {
        cause: safeCause(error),
      })
    );
  }
}

/**
 * The usual classification of an HTTP status that is not the provider's success or not-found
 * answer: 401/403 denied, 429 throttled, 5xx server (both retried by the resolver), anything else an
 * answer we cannot use.
 */
export function statusKind(status: number): SecretProviderErrorKind {
  if (status === 401 || status === 403) return 'denied';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server';
  return 'bad-response';
}

/** Parses a JSON body, or undefined when it is not JSON (the caller says what it expected). */
export function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A vendor's error code for a message, or undefined. Error bodies are quoted by code only, because
 * free text may echo what was sent; and a code is quoted only when it has the shape of one (by
 * default letters and underscores: `not_found`, `API_AccessDenied`, `SecretNotFound`), so a server
 * that puts a value into its code field does not get it printed.
 */
export function safeCode(value: unknown, shape: RegExp = /^[A-Za-z_]{1,48}$/): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return shape.test(trimmed) ? trimmed : undefined;
}
