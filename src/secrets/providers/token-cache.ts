/**
 * One short-lived access token per provider (Conjur, Delinea): fetched once and shared by every
 * concurrent read, reused until shortly before it expires, dropped when the server refuses it (so
 * the next read logs in again), and a failed login remembered for the run unless it is worth
 * retrying: 200 references must not make 200 failing logins (and trip an account lockout).
 */
import { worthRetrying } from './https-transport.js';

export interface IssuedToken {
  /** The `Authorization` header value. */
  header: string;
  /** Epoch milliseconds after which the token is not used any more (expiry minus a margin). */
  usableUntil: number;
}

export class TokenCache {
  readonly #login: () => Promise<IssuedToken>;
  #pending: Promise<IssuedToken> | undefined;
  /** The settled value of `#pending`, to tell whether a refused token is still the current one. */
  #current: IssuedToken | undefined;

  constructor(login: () => Promise<IssuedToken>) {
    this.#login = login;
  }

  /** The current token, logging in when there is none or it is about to expire. */
  async get(): Promise<IssuedToken> {
    const pending = this.#pending;
    if (pending) {
      const token = await pending;
      if (Date.now() < token.usableUntil) return token;
      this.forget(token);
    }
    const shared = this.#pending;
    if (shared) return shared;
    const started: Promise<IssuedToken> = this.#login().then((token) => {
      if (this.#pending === started) this.#current = token;
      return token;
    });
    this.#pending = started;
    started.catch((error: unknown) => {
      if (this.#pending === started && worthRetrying(error)) this.#pending = undefined;
    });
    return started;
  }

  /** Drops `token` if it is still the current one (another read may have replaced it already). */
  forget(token: IssuedToken): void {
    if (this.#current === token) {
      this.#current = undefined;
      this.#pending = undefined;
    }
  }
}

/**
 * When to stop using a token that lives `lifetimeMs`: a minute early, or at half its life when
 * it is shorter than two minutes, so a token never expires between the check and the request.
 */
export function usableUntil(lifetimeMs: number, now = Date.now()): number {
  const margin = lifetimeMs >= 120_000 ? 60_000 : lifetimeMs / 2;
  return now + lifetimeMs - margin;
}
