// A verifying load for topology changes: a few workers, each owning its keys, run set / get / delete
// back to back, and every get is checked against that worker's last acknowledged write. Used by the
// topology tests (counts) and by bench/cache.bench.ts (the lost-write window).
import type { CacheError, RedisCache } from '../../src/cache/index.js';
import { eventually, HANG_GUARD_MS } from './settle.js';

export interface LoadReport {
  /** Operations settled (acknowledged or failed). */
  ops: number;
  /** Gets whose reply was checked (a get that failed resolves undefined and cannot be checked). */
  checked: number;
  /** Gets that returned what the worker never wrote there, or a state it never was in. */
  wrong: number;
  /** Gets that returned an earlier state: a later acknowledged write was lost (stale, resurrected, missing). */
  lostReads: number;
  /** Acknowledged writes that a later get showed lost, with the time each was acknowledged. */
  lostWrites: number;
  /** From the first to the last acknowledgement of a lost write, in ms (0 when none was lost). */
  lostWindowMs: number;
  /** Rejected sets and deletes, and failed gets, by error code. */
  commandErrors: Record<string, number>;
  /** The first message seen of each error code, to tell why. */
  firstMessages: Record<string, string>;
  /** `error` events that report a lost connection (not a failed get). */
  connectionErrors: string[];
}

export interface LoadOptions {
  workers?: number;
  /** Bytes of each value. */
  valueBytes?: number;
  /**
   * Names a worker's key from the worker and a suffix unique to this load, key and generation (so a
   * later load never reads an earlier one's values); a hash tag on the worker keeps it in one slot.
   */
  keyOf?: (worker: number, suffix: string) => string;
}

/** What a worker's key held after each acknowledged write: a value, or null once deleted. */
interface Write {
  state: string | null;
  ackedAt: number;
}

interface KeyState {
  generation: number;
  history: Write[];
}

const KEYS_PER_WORKER = 4;
let loads = 0;

export class VerifyingLoad {
  readonly #cache: RedisCache;
  readonly #workers: number;
  readonly #pad: string;
  readonly #keyOf: (worker: number, suffix: string) => string;
  readonly #run = ++loads;
  #running = true;
  #done: Promise<void> | undefined;
  #getErrors = 0;
  readonly #report: LoadReport = { ops: 0, checked: 0, wrong: 0, lostReads: 0, lostWrites: 0, lostWindowMs: 0, commandErrors: {}, firstMessages: {}, connectionErrors: [] };
  readonly #lost = new Map<string, number>();

  constructor(cache: RedisCache, options: LoadOptions = {}) {
    this.#cache = cache;
    this.#workers = options.workers ?? 4;
    this.#pad = 'x'.repeat(options.valueBytes ?? 64);
    this.#keyOf = options.keyOf ?? ((w, suffix) => `load:w${w}:${suffix}`);
    cache.on('error', this.#onError);
  }

  readonly #onError = (err: CacheError): void => {
    if (/": connection/.test(err.message)) {
      this.#report.connectionErrors.push(err.message);
    } else {
      this.#getErrors++;
      this.#count(err);
    }
  };

  #count(err: unknown): void {
    const code = (err as { code?: string }).code ?? 'unknown';
    this.#report.commandErrors[code] = (this.#report.commandErrors[code] ?? 0) + 1;
    this.#report.firstMessages[code] ??= err instanceof Error ? err.message : String(err);
  }

  start(): this {
    this.#done = Promise.all(Array.from({ length: this.#workers }, (_, w) => this.#worker(w))).then(() => undefined);
    return this;
  }

  get ops(): number {
    return this.#report.ops;
  }

  /** Waits until `count` more operations have settled, within the hang guard. */
  async runFor(count: number): Promise<void> {
    const target = this.#report.ops + count;
    await eventually(`${count} more operations of the load`, () => this.#report.ops >= target);
  }

  /** Stops the workers, checks every worker's key once more, and reports. */
  async stop(): Promise<LoadReport> {
    this.#running = false;
    await this.#done;
    this.#cache.off('error', this.#onError);
    const acks = [...this.#lost.values()];
    this.#report.lostWrites = acks.length;
    this.#report.lostWindowMs = acks.length ? Math.max(...acks) - Math.min(...acks) : 0;
    return this.#report;
  }

  async #worker(w: number): Promise<void> {
    // Several keys per worker, each read back before it is written again: a lost write is seen at the
    // key's next visit, whatever the worker did in between (with one key, a write issued after the
    // switch would overwrite the evidence before any get saw it).
    const keys = Array.from({ length: KEYS_PER_WORKER }, () => ({ generation: 0, history: [] as Write[] }));
    const deadline = Date.now() + 10 * HANG_GUARD_MS;
    for (let i = 0; ; i++) {
      const last = !this.#running || Date.now() > deadline;
      if (last) {
        for (let k = 0; k < keys.length; k++) await this.#visit(w, k, keys[k] as KeyState, 'get');
        return;
      }
      const k = Math.floor(i / 2) % keys.length;
      // get, write, get, write…; every third write of a key is a delete.
      const write = i % 2 === 1 ? ((keys[k] as KeyState).history.length % 3 === 2 ? 'delete' : 'set') : 'get';
      await this.#visit(w, k, keys[k] as KeyState, write);
    }
  }

  async #visit(w: number, k: number, key: KeyState, op: 'get' | 'set' | 'delete'): Promise<void> {
    const name = this.#keyOf(w, `r${this.#run}:k${k}:g${key.generation}`);
    try {
      if (op === 'set') {
        const value = `${w}:${k}:${key.generation}:${key.history.length}:${this.#pad}`;
        await this.#cache.set(name, Buffer.from(value));
        key.history.push({ state: value, ackedAt: Date.now() });
      } else if (op === 'delete') {
        await this.#cache.delete(name);
        key.history.push({ state: null, ackedAt: Date.now() });
      } else {
        const failedBefore = this.#getErrors;
        const got = await this.#cache.get(name);
        if (got !== undefined || this.#getErrors === failedBefore) this.#check(`${w}:${k}:${key.generation}`, key.history, got?.toString() ?? null);
      }
    } catch (err) {
      this.#count(err);
      // A rejected write may still be applied later (a timeout does not say it did not happen):
      // a fresh key keeps that ambiguity out of the checks.
      key.generation++;
      key.history = [];
    }
    this.#report.ops++;
  }

  #check(id: string, history: Write[], got: string | null): void {
    this.#report.checked++;
    const expected = history.length ? (history[history.length - 1] as Write).state : null;
    if (got === expected) return;
    let shown = -1; // -1: the key's state before the worker first wrote it (absent)
    for (let j = history.length - 2; j >= 0; j--) {
      if ((history[j] as Write).state === got) {
        shown = j;
        break;
      }
    }
    if (shown === -1 && got !== null) {
      this.#report.wrong++;
      return;
    }
    this.#report.lostReads++;
    for (let j = shown + 1; j < history.length; j++) this.#lost.set(`${id}:${j}`, (history[j] as Write).ackedAt);
  }
}
