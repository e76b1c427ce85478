/** Small, total accessors over the untyped config: rules never assume the schema passed. */
import type { JsonPath } from '../base/diagnostics.js';
import { didYouMean } from '../base/did-you-mean.js';
import { isDeferredValue } from './secret-references.js';

export type Obj = Readonly<Record<string, unknown>>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A name as YAML may give it: `name: 42` is the name "42". */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Whether a name can be compared now: not a secret reference or env template. */
export function isLiteralName(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !isDeferredValue(value);
}

export interface Located<T> {
  value: T;
  path: JsonPath;
}

/** Each element of the list at `key` of `parent` with its path. */
export function entries(parent: unknown, parentPath: JsonPath, key: string): Located<unknown>[] {
  return list(obj(parent)[key]).map((value, i) => ({ value, path: [...parentPath, key, i] }));
}

/** The `caches[]` entries whose type is redis. */
export function redisCaches(config: Obj): Located<Obj>[] {
  return entries(config, [], 'caches')
    .filter((c) => isObj(c.value) && c.value.type === 'redis')
    .map((c) => ({ value: c.value as Obj, path: c.path }));
}

/** A feature flag is on for true, "true" or "enabled" (any case); dotted or nested keys. */
export function featureOn(config: Obj, flag: string): boolean {
  const features = obj(config.features);
  let value: unknown = features[flag];
  if (value === undefined) {
    let node: unknown = features;
    for (const part of flag.split('.')) node = obj(node)[part];
    value = node;
  }
  if (value === true) return true;
  return typeof value === 'string' && /^(true|enabled)$/i.test(value.trim());
}

/** Literal TLS profile names declared under the top-level `tls`. */
export function tlsProfileNames(config: Obj): Set<string> {
  return new Set(Object.keys(obj(config.tls)));
}

/** The literal `name`s of the entries of a top-level list (`caches`, `clusters`, `connectors`, …). */
export function declaredNames(config: Obj, ...lists: string[]): Set<string> {
  const names = new Set<string>();
  for (const key of lists) {
    for (const entry of entries(config, [], key)) {
      const name = scalarText(obj(entry.value).name);
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}

/** `; did you mean `x`?` when a candidate is close, else `otherwise` (what to do instead). */
export function suggestion(name: string, candidates: Iterable<string>, otherwise: string): string {
  const close = didYouMean(name, candidates);
  return close ? `; did you mean \`${close}\`?` : otherwise;
}

/** `` (known: `a`, `b`)`` for a message, or nothing when there are none. */
export function knownList(label: string, names: Iterable<string>): string {
  const list = [...names];
  return list.length ? ` (${label}: ${list.map((n) => `\`${n}\``).join(', ')})` : '';
}
