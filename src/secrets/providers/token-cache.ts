/**
 * One short-lived access token per provider (Conjur, Delinea): fetched once and shared by every
 * concurrent read (memo.ts's policy: a refused login is remembered for the run, a failure worth
 * another try is not), reused until shortly before it expires, and dropped when the server refuses
 * it, so the next read logs in again.
 */
import { Memo } from '../memo.js';

export interface IssuedToken {
  /** The `Authorization` header value. */
  header: string;
  /** Epoch milliseconds after which the token is not used any more (expiry minus a margin). */
  usableUntil: number;
}

export class TokenCache {
  readonly #login: () => Promise<IssuedToken>;
  readonly #memo = new Memo<'token', IssuedToken>();
  /** Which shared login issued a token, to drop exactly that one when it is refused. */
  readonly #issuedBy = new WeakMap<IssuedToken, Promise<IssuedToken>>();
  readonly #now: () => number;

  constructor(login: () => Promise<IssuedToken>, now: () => number = Date.now) {
    this.#login = login;
    this.#now = now;
  }

  /** The current token, logging in when there is none or it is about to expire. */
  async get(): Promise<IssuedToken> {
    const token = await this.#current();
    if (this.#now() < token.usableUntil) return token;
    this.forget(token);
    return this.#current();
  }

  /** Drops `token` if it is still the current one (another read may have replaced it already). */
  forget(token: IssuedToken): void {
    const pending = this.#issuedBy.get(token);
    if (pending) this.#memo.forget('token', pending);
  }

  async #current(): Promise<IssuedToken> {
    const pending = this.#memo.get('token', this.#login);
    const token = await pending;
    this.#issuedBy.set(token, pending);
    return token;
  }
}

/**
 * When to stop using a token that lives `lifetimeMs`: a minute early, or at half its life when
 * it is shorter than two minutes, so a token never expires between the check and the request.
 */
export function usableUntil(lifetimeMs: number, now: number): number {
  const margin = lifetimeMs >= 120_000 ? 60_000 : lifetimeMs / 2;
  return now + lifetimeMs - margin;
}
