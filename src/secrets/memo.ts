/**
 * "Share the pending request, forget it on failure": the one policy every provider uses for what it
 * fetches once per run (a login, a token, a secret, a folder listing, a file).
 *
 * Concurrent lookups of one key share one request. A success is kept for the run. A failure is
 * forgotten, so the next lookup asks again, when it is worth another try (throttling, 5xx, a
 * timeout, a dropped connection, anything that is not a SecretProviderError); a denial, a bad URL or
 * an unreadable answer is remembered: it will not change within the run, and 200 references must
 * not make 200 failing logins (and trip an account lockout).
 */
import { SecretProviderError } from './provider.js';

/** Whether a failure should be tried again by the next lookup rather than remembered for the run. */
function worthRetrying(error: unknown): boolean {
  return !(error instanceof SecretProviderError) || error.retryable || error.kind === 'timeout';
}

export class Memo<K, V> {
  readonly #pending = new Map<K, Promise<V>>();

  /** The shared result for `key`, starting `load` when there is none. */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const known = this.#pending.get(key);
    if (known) return known;
    const started = Promise.resolve().then(load);
    this.#pending.set(key, started);
    started.catch((error: unknown) => {
      if (this.#pending.get(key) === started && worthRetrying(error)) this.#pending.delete(key);
    });
    return started;
  }

  /** Drops `key` when it still holds `settled` (another lookup may have replaced it already). */
  forget(key: K, settled: Promise<V>): void {
    if (this.#pending.get(key) === settled) this.#pending.delete(key);
  }
}
