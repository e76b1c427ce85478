/**
 * Resolves every secret reference of a config through its provider, for `check` and `loadConfig`.
 *
 * - One provider request per distinct reference, however many uses point to it.
 * - At most `concurrency` requests in flight (default 16: a config rarely holds more distinct
 *   secrets, so they resolve in one or two round trips, and providers take that many at once).
 * - ONE budget per run, `totalTimeoutMs` (default 10 s): every request, retry and backoff happens
 *   inside it, so retries never multiply the deadline; what has not finished by then is reported as
 *   timed out. Each request's deadline is `timeoutMs` (default 5000) or what is left of the budget,
 *   whichever is shorter, passed to the provider as an AbortSignal and raced here (deadline.ts, the
 *   one place), so a provider that ignores the signal cannot stall the run.
 * - Throttling and 5xx (`SecretProviderError.retryable`) are retried up to `retries` times (default 3)
 *   with jittered exponential backoff, a connection dropped under a request (ECONNRESET, EPIPE) once;
 *   a retry is started only when the budget left could cover it (as long as the last attempt took),
 *   so the last attempt is never one the budget cuts off. Nothing else is retried.
 * - Failures are data: each becomes a problem at every use of the reference, naming the reference
 *   and the provider (described without credentials), never a value.
 * - Providers are created on first use and those created here are closed before returning;
 *   provider objects passed in by the caller are the caller's to close.
 */
import { setMaxListeners } from 'node:events';
import { SecretProviderError, type ProviderOptions, type SecretProvider } from './provider.js';
import { describeProviderUrl, scrubCredentials, toProviderUrl, urlScheme } from './url-grammar.js';
import { raceAbort } from './deadline.js';
import {
  describeSource,
  normalizeProviders,
  routeReference,
  type ProviderSetup,
  type ProviderSource,
} from './providers-config.js';
import { secretProviderFactory } from './registry.js';
import { SecretValue } from '../base/secret-value.js';
import type { SecretUse } from '../config/secret-uses.js';
import './providers/index.js';

/** Resolution takes the uses config/secret-uses.ts finds; re-exported for callers of the resolver alone. */
export type { SecretUse };

export type ResolveRuleId = 'unresolved-secret' | 'secret-provider-error';

export interface ResolveProblem {
  ruleId: ResolveRuleId;
  message: string;
  path: (string | number)[];
  reference: string;
}

export interface ResolveResult {
  /** Reference → value, for every reference that resolved. */
  values: Map<string, SecretValue>;
  problems: ResolveProblem[];
  /** Provider `get` calls made, retries included. */
  requests: number;
  /** What providers reported that fails no reference (a limited-use Vault token, …); never a secret. */
  warnings: string[];
}

export interface ResolverOptions {
  /**
   * The default provider: a URL, a provider, or a `{ name: … }` map whose `default` entry is the
   * default. When absent, `MAVERICS_SECRET_PROVIDER` from `env` (an empty string means none).
   */
  secretProvider?: string | SecretProvider | Record<string, string | SecretProvider>;
  /** Named providers: `<name.rest>` routes to `name` with key `rest`. */
  namedProviders?: Record<string, string | SecretProvider>;
  /** The environment providers read credentials from; process.env when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Requests in flight at once; default 16. */
  concurrency?: number;
  /** Deadline of one request, in milliseconds; default 5000. */
  timeoutMs?: number;
  /** Further attempts after a retryable failure; default 3. */
  retries?: number;
  /** First backoff delay in milliseconds (doubled per retry, jittered, capped at 2 s); default 100. */
  retryBaseMs?: number;
  /** The run's one budget in milliseconds, retries and backoff included; default 10000. */
  totalTimeoutMs?: number;
  signal?: AbortSignal;
}

interface ProviderHandle {
  provider: SecretProvider;
  description: string;
  /** Created here from a URL, so closed here. */
  owned: boolean;
}

type Outcome =
  | { status: 'ok'; value: SecretValue }
  | { status: 'missing'; description: string; key: string; named: string | undefined }
  | { status: 'failed'; message: string };

const NO_PROVIDER =
  'no secret provider is configured: set MAVERICS_SECRET_PROVIDER or pass --secret-provider <url> (e.g. secretfile:///path/to/secrets.yaml)';
const MAX_BACKOFF_MS = 2000;
/** The run's budget when the caller gives none: documented in docs/secrets.md. */
export const DEFAULT_BUDGET_MS = 10_000;
const CLOSE_TIMEOUT_MS = 2000;

export async function resolveSecrets(uses: readonly SecretUse[], options: ResolverOptions = {}): Promise<ResolveResult> {
  const env = options.env ?? process.env;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 16));
  const timeoutMs = Math.max(1, options.timeoutMs ?? 5000);
  const retries = Math.max(0, Math.floor(options.retries ?? 3));
  const retryBaseMs = Math.max(0, options.retryBaseMs ?? 100);
  const totalTimeoutMs = Math.max(1, options.totalTimeoutMs ?? DEFAULT_BUDGET_MS);
  const started = Date.now();
  const remaining = (): number => totalTimeoutMs - (Date.now() - started);
  const warnings = new Set<string>();
  const warn = (message: string): void => void warnings.add(scrubCredentials(message));

  const distinct: string[] = [];
  const seen = new Set<string>();
  for (const use of uses) {
    if (!seen.has(use.reference)) {
      seen.add(use.reference);
      distinct.push(use.reference);
    }
  }
  const outcomes = new Map<string, Outcome>();
  let requests = 0;

  let setup: ProviderSetup | undefined;
  try {
    // Like the Orchestrator: without an explicit provider, MAVERICS_SECRET_PROVIDER is the default.
    const defaultProvider = options.secretProvider === undefined ? env['MAVERICS_SECRET_PROVIDER'] : options.secretProvider;
    setup = normalizeProviders(defaultProvider, options.namedProviders);
  } catch (error) {
    const message = errorText(error, 'the secret provider configuration');
    for (const reference of distinct) outcomes.set(reference, { status: 'failed', message: `secret <${reference}>: ${message}` });
  }

  if (setup && distinct.length) {
    const run = new AbortController();
    // One listener per request in flight, plus provider creation: not a leak, so no warning.
    setMaxListeners(concurrency + 16, run.signal);
    const budgetSpent = (): SecretProviderError =>
      new SecretProviderError('timeout', `secret resolution did not finish within the run's budget of ${totalTimeoutMs} ms`);
    const deadline = setTimeout(() => run.abort(budgetSpent()), totalTimeoutMs);
    const onOuterAbort = (): void => run.abort(new SecretProviderError('timeout', 'secret resolution was cancelled'));
    if (options.signal?.aborted) onOuterAbort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });

    const handles = new Map<string, Promise<ProviderHandle>>();
    const prefetched = new Map<string, Promise<ProviderHandle>>();
    // Every key each provider will be asked for, so one with a batch read can prefetch them.
    const keysOf = new Map<string | undefined, string[]>();
    for (const reference of distinct) {
      const route = routeReference(reference, setup);
      keysOf.set(route.provider, [...(keysOf.get(route.provider) ?? []), route.key]);
    }
    const providerFor = (name: string | undefined, source: ProviderSource): Promise<ProviderHandle> => {
      const id = name === undefined ? '' : `named:${name}`;
      let handle = prefetched.get(id);
      if (!handle) {
        const created = createProvider(source, { env, warn }, run.signal, timeoutMs);
        // Closed from `created` even when the prefetch is what failed.
        handles.set(id, created);
        handle = created.then(async (made) => {
          await prefetch(made, keysOf.get(name) ?? [], Math.min(timeoutMs, remaining()), run.signal);
          return made;
        });
        prefetched.set(id, handle);
      }
      return handle;
    };

    const resolveOne = async (reference: string): Promise<Outcome> => {
      const route = routeReference(reference, setup);
      const source = route.provider === undefined ? setup.default : setup.named.get(route.provider);
      if (source === undefined) return { status: 'failed', message: `secret <${reference}>: ${NO_PROVIDER}` };
      let handle: ProviderHandle;
      try {
        handle = await providerFor(route.provider, source);
      } catch (error) {
        return { status: 'failed', message: `secret <${reference}>: ${errorText(error, describeSource(source))}` };
      }
      let attempt = 0;
      let dropped = 0;
      for (;;) {
        if (run.signal.aborted) {
          return { status: 'failed', message: `secret <${reference}>: ${errorText(run.signal.reason, handle.description)}` };
        }
        requests++;
        attempt++;
        const attemptStarted = Date.now();
        const request = new AbortController();
        const onRunAbort = (): void => request.abort(run.signal.reason);
        run.signal.addEventListener('abort', onRunAbort, { once: true });
        const deadlineMs = Math.max(1, Math.min(timeoutMs, remaining()));
        let backoff: number | undefined;
        // When the budget is what is left, running out of it reads as the run's timeout.
        const timer = setTimeout(
          () => request.abort(deadlineMs < timeoutMs ? budgetSpent() : new SecretProviderError('timeout', `${handle.description}: no answer within ${timeoutMs} ms`)),
          deadlineMs,
        );
        try {
          const value = await raceAbort(
            Promise.resolve().then(() => handle.provider.get(route.key, request.signal)),
            request.signal,
            handle.description,
          );
          if (value === undefined || value === null) {
            return { status: 'missing', description: handle.description, key: route.key, named: route.provider };
          }
          const raw = value instanceof SecretValue ? value.reveal() : typeof value === 'string' ? value : undefined;
          if (raw === undefined) {
            return { status: 'failed', message: `secret <${reference}>: ${handle.description} answered with something that is not a SecretValue` };
          }
          return { status: 'ok', value: new SecretValue(raw, reference) };
        } catch (error) {
          const kind = error instanceof SecretProviderError ? error.kind : undefined;
          if (kind === 'dropped') dropped++;
          const retryable = error instanceof SecretProviderError && error.retryable && (kind !== 'dropped' || dropped <= 1);
          const ceiling = Math.min(MAX_BACKOFF_MS, retryBaseMs * 2 ** (attempt - 1));
          // A service that says when to come back (Retry-After) is waited for at least that long.
          backoff = Math.max(ceiling / 2 + Math.random() * (ceiling / 2), (error instanceof SecretProviderError && error.retryAfterMs) || 0);
          // Another attempt only when the budget left covers the backoff and as long as this one took.
          const fits = remaining() - backoff >= Date.now() - attemptStarted;
          if (!retryable || attempt > retries || run.signal.aborted || !fits) {
            const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
            const budget = retryable && attempt <= retries && !run.signal.aborted ? ` (the run's budget of ${totalTimeoutMs} ms leaves no time for another attempt)` : '';
            return { status: 'failed', message: `secret <${reference}>: ${errorText(error, handle.description)}${tries}${budget}` };
          }
        } finally {
          clearTimeout(timer);
          run.signal.removeEventListener('abort', onRunAbort);
        }
        await sleep(backoff ?? 0, run.signal);
      }
    };

    const queue = [...distinct];
    const worker = async (): Promise<void> => {
      for (let reference = queue.shift(); reference !== undefined; reference = queue.shift()) {
        outcomes.set(reference, await resolveOne(reference));
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, distinct.length) }, worker));
    } finally {
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onOuterAbort);
      await closeAll(handles);
    }
  }

  const values = new Map<string, SecretValue>();
  const problems: ResolveProblem[] = [];
  for (const [reference, outcome] of outcomes) {
    if (outcome.status === 'ok') values.set(reference, outcome.value);
  }
  for (const use of uses) {
    const outcome = outcomes.get(use.reference);
    if (!outcome || outcome.status === 'ok') continue;
    if (outcome.status === 'missing') {
      const via = outcome.named !== undefined ? ` (named provider ${outcome.named}, key ${outcome.key})` : '';
      problems.push({
        ruleId: 'unresolved-secret',
        message: `secret <${use.reference}> was not found by ${outcome.description}${via}: no such secret or field`,
        path: use.path,
        reference: use.reference,
      });
    } else {
      problems.push({ ruleId: 'secret-provider-error', message: outcome.message, path: use.path, reference: use.reference });
    }
  }
  return { values, problems, requests, warnings: [...warnings] };
}

async function createProvider(source: ProviderSource, options: ProviderOptions, runSignal: AbortSignal, timeoutMs: number): Promise<ProviderHandle> {
  if (typeof source !== 'string') return { provider: source, description: describeSource(source), owned: false };
  const url = toProviderUrl(source);
  const factory = secretProviderFactory(urlScheme(url));
  const description = describeProviderUrl(url);
  // Factories only import a client and build it; the deadline guards against one that dials out.
  const signal = AbortSignal.any([runSignal, AbortSignal.timeout(Math.max(timeoutMs, 10_000))]);
  const created = Promise.resolve().then(() => factory(url, options));
  const provider = await raceAbort(created, signal, `${description}: creating the provider`).catch((error: unknown) => {
    // A provider that finishes being created after we gave up is closed as soon as it exists.
    created.then((late) => late.close?.()).catch(() => undefined);
    throw error;
  });
  return { provider, description: typeof provider.description === 'string' && provider.description ? scrubCredentials(provider.description) : description, owned: true };
}

/**
 * Gives a provider with a batch read every key it will be asked for, under the request deadline.
 * Never fails: each key is read on its own by `get` when the batch did not bring it.
 */
async function prefetch(handle: ProviderHandle, keys: readonly string[], deadlineMs: number, runSignal: AbortSignal): Promise<void> {
  const { provider } = handle;
  if (!provider.prefetch || keys.length < 2) return;
  const signal = AbortSignal.any([runSignal, AbortSignal.timeout(Math.max(1, deadlineMs))]);
  await raceAbort(
    Promise.resolve().then(() => provider.prefetch?.(keys, signal)),
    signal,
    `${handle.description}: reading ${keys.length} secrets at once`,
  ).catch(() => undefined);
}

async function closeAll(handles: Map<string, Promise<ProviderHandle>>): Promise<void> {
  await Promise.all(
    [...handles.values()].map(async (pending) => {
      let handle: ProviderHandle;
      try {
        handle = await pending;
      } catch {
        return;
      }
      if (!handle.owned || !handle.provider.close) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.resolve()
          .then(() => handle.provider.close?.())
          .catch(() => undefined),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
    }),
  );
}

/**
 * A failure's message for a problem: a SecretProviderError's own (scrubbed of credentials, and
 * naming the provider), or for anything else only its name: a foreign error's message may hold
 * anything, a value included.
 */
function errorText(error: unknown, description: string): string {
  if (error instanceof SecretProviderError) {
    const message = scrubCredentials(error.message);
    return message.includes(description) || /secret provider/.test(message) ? message : `${message} (provider ${description})`;
  }
  const name = error instanceof Error ? error.name : typeof error;
  return `provider ${description} failed (${name})`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
