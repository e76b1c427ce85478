import { readFileSync } from 'node:fs';
import { formatPath, type JsonPath, type Severity } from '../base/diagnostics.js';
import { isDeferredValue } from '../config/secret-references.js';
import { didYouMean, onlyCloseMatch } from '../base/did-you-mean.js';
import validate, { type SchemaError } from './generated/validate-maverics.js';

export type SchemaIssueKind = 'required-key' | 'wrong-type' | 'invalid-value' | 'unknown-key';

/** One real problem found by the schema, already in words; rules turn these into diagnostics. */
export interface SchemaIssue {
  kind: SchemaIssueKind;
  path: JsonPath;
  /** A missing key is reported at its parent's key, an unknown key at the key, the rest at the value. */
  target: 'key' | 'value';
  message: string;
  /** Set where the severity policy decides it (unknown keys); otherwise the rule's own. */
  severity?: Severity;
  /** The one close spelling of a misspelt key or enum value, which `--fix` may put in its place. */
  replacement?: string;
}

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  description?: string;
  $ref?: string;
  'x-surface'?: 'complete' | 'partial';
  'x-format'?: 'duration' | 'url' | 'cipher';
  'x-discriminator'?: { property: string; prefix: string };
};

/**
 * The severity policy, in one place: where the documentation shows an object's whole key set
 * (`x-surface: complete`), an unknown key is an error; where it documents a feature of the object
 * whose key names were not visible (`partial`), the key may be real, so it is only a warning.
 * docs/surface-policy.md lists which objects are which.
 */
export function unknownKeySeverity(surface: SchemaNode['x-surface']): Severity {
  return surface === 'partial' ? 'warning' : 'error';
}

let schemaCache: SchemaNode | undefined;
/** Read only when an unknown key needs suggestions: the validator itself is precompiled. */
export function schemaJson(): SchemaNode {
  schemaCache ??= JSON.parse(readFileSync(new URL('../../schemas/maverics.schema.json', import.meta.url), 'utf8')) as SchemaNode;
  return schemaCache;
}

/**
 * Validates the parsed config against the precompiled schema and turns Ajv's errors into one
 * issue per real problem: `if`/`then` bookkeeping is dropped, a type error hides the enum error at
 * the same place, and nothing is said about values that cannot be judged before start-up (secret
 * references, env templates) or about unfilled `{ PLACEHOLDER }`s (their own rule reports them).
 */
export function validateSchema(value: unknown, isPlaceholder: (path: JsonPath) => boolean): SchemaIssue[] {
  if (validate(value)) return [];
  const issues: SchemaIssue[] = [];
  const typeErrorAt = new Set<string>();
  const errors = validate.errors ?? [];
  for (const error of errors) {
    if (error.keyword === 'type') typeErrorAt.add(error.instancePath);
  }
  for (const error of errors) {
    const path = decodePointer(error.instancePath, value);
    if (underPlaceholder(path, isPlaceholder)) continue;
    const issue = toIssue(error, path, value, typeErrorAt);
    if (issue) issues.push(issue);
  }
  return mergeMissingKeys(issues, errors, value);
}

/**
 * A connector missing three required keys is one problem at one place: Ajv says it three times
 * (once per key), so the issues of one object become one that names every missing key.
 */
function mergeMissingKeys(issues: SchemaIssue[], errors: readonly SchemaError[], root: unknown): SchemaIssue[] {
  const missingAt = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== 'required') continue;
    const list = missingAt.get(e.instancePath) ?? [];
    list.push(String(e.params.missingProperty));
    missingAt.set(e.instancePath, list);
  }
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const issue of issues) {
    // Messages written for one key (a redis cache's encryption, …) keep their own advice.
    if (issue.kind !== 'required-key' || !issue.message.includes(GENERIC_MISSING)) {
      out.push(issue);
      continue;
    }
    const pointer = toPointer(issue.path);
    const missing = missingAt.get(pointer) ?? [];
    if (missing.length < 2) {
      out.push(issue);
    } else if (!seen.has(pointer)) {
      seen.add(pointer);
      const variant = variantName(issue.path, root);
      const parent = `\`${formatPath(issue.path)}\`${variant ? ` (${variant})` : ''}`;
      out.push({ ...issue, message: `${parent} is missing the required keys ${missing.map((k) => `\`${k}\``).join(', ')}` });
    }
  }
  return out;
}

const GENERIC_MISSING = ' is missing the required key ';

function toPointer(path: JsonPath): string {
  return path.map((seg) => `/${String(seg).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function toIssue(error: SchemaError, path: JsonPath, root: unknown, typeErrorAt: Set<string>): SchemaIssue | undefined {
  const where = describe(path);
  const data = valueAt(root, path);
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      return { kind: 'required-key', path, target: 'key', message: requiredMessage(path, missing, variantName(path, root)) };
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const parent = schemaForInstance(path, root);
      const known = Object.keys(parent?.properties ?? {});
      const surface = parent?.['x-surface'];
      const message = unknownKeyMessage(path, key, known, surface, variantName(path, root));
      // Only a plain misspelling where the documented key set is complete: a key that belongs
      // elsewhere (`redis.address`: a list) is not renamed, nor one that may be real (a partial surface).
      const replacement = surface !== 'partial' && message.includes('; did you mean `') ? onlyCloseMatch(key, known.filter((k) => !LEGACY_KEYS.has(k))) : undefined;
      return { kind: 'unknown-key', path: [...path, key], target: 'key', severity: unknownKeySeverity(surface), message, ...(replacement ? { replacement } : {}) };
    }
    case 'type': {
      if (isDeferredValue(data)) return undefined;
      const expected = String(error.params.type);
      if (schemaForInstance(path, root)?.['x-format'] === 'duration' && typeof data === 'number') return bareNumberDuration(path, data);
      return { kind: 'wrong-type', path, target: 'value', message: `${where} must be ${typeWords(expected)}, got ${kindOf(data)}${typeHint(expected, data)}` };
    }
    case 'pattern': {
      // A broken reference or template inside is the syntax rules' to report, not a second finding here.
      if (typeof data === 'string' && (data.includes('{{') || data.startsWith('<'))) return undefined;
      const format = schemaForInstance(path, root)?.['x-format'];
      if (format === 'duration') {
        return { kind: 'invalid-value', path, target: 'value', message: `${where} is \`${String(data)}\`, which is not a Go duration; write a number with a unit: 300ms, 30s, 15m, 24h (units ns, us, ms, s, m, h)` };
      }
      if (format === 'url') {
        // An upper-case bare word (`METADATA_URL`) is an unfilled template: placeholder-value says so.
        if (typeof data === 'string' && /^[A-Z][A-Z0-9_]*$/.test(data)) return undefined;
        return { kind: 'invalid-value', path, target: 'value', message: `${where} is not a URL; write it with its scheme (https://host/path, ldaps://host:636, file:///path) or as a path starting with /` };
      }
      return { kind: 'invalid-value', path, target: 'value', message: `${where} ${error.message ?? 'is not valid'}` };
    }
    case 'enum': {
      if (typeErrorAt.has(error.instancePath) || isDeferredValue(data)) return undefined;
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof data === 'string' ? didYouMean(data, allowed) : undefined;
      if (schemaForInstance(path, root)?.['x-format'] === 'cipher') {
        // Twenty-five names would bury the point: Go's names, not OpenSSL's.
        return { kind: 'invalid-value', path, target: 'value', message: `${where} is \`${String(data)}\`, not a Go crypto/tls cipher suite name; write Go's name${suggestion ? ` (did you mean \`${suggestion}\`?)` : ', such as `TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256` or `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384` (OpenSSL\'s ECDHE-RSA-AES256-GCM-SHA384)'}` };
      }
      const hint = ENUM_HINTS[`${path.filter((s) => typeof s === 'string').slice(-2).join('.')}=${String(data)}`];
      const replacement = typeof data === 'string' && suggestion ? onlyCloseMatch(data, allowed) : undefined;
      return {
        kind: 'invalid-value',
        path,
        target: 'value',
        ...(replacement ? { replacement } : {}),
        message: `${where} is \`${String(data)}\`; expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}${hint ? `: ${hint}` : ''}`,
      };
    }
    case 'minItems':
      return { kind: 'invalid-value', path, target: 'value', message: `${where} is empty; it needs at least ${String(error.params.limit)} ${Number(error.params.limit) === 1 ? 'entry' : 'entries'}` };
    case 'minimum':
      if (typeErrorAt.has(error.instancePath) || isDeferredValue(data)) return undefined;
      return { kind: 'invalid-value', path, target: 'value', message: `${where} is ${String(data)}; it must be at least ${String(error.params.limit)}` };
    case 'const':
      // A bare number other than 0 at a duration; elsewhere, bookkeeping of conditional schemas.
      if (typeof data === 'number' && schemaForInstance(path, root)?.['x-format'] === 'duration') return bareNumberDuration(path, data);
      return undefined;
    case 'if':
      // Bookkeeping of conditional schemas: the error that matters is reported by the branch.
      return undefined;
    default:
      return { kind: 'invalid-value', path, target: 'value', message: `${where} ${error.message ?? 'is not valid'}` };
  }
}

function requiredMessage(path: JsonPath, missing: string, variant: string | undefined): string {
  const last = path[path.length - 1];
  const parent = `${path.length ? `\`${formatPath(path)}\`` : 'the file'}${variant ? ` (${variant})` : ''}`;
  if (path[0] === 'caches' && path.length === 2) {
    if (missing === 'encryption') {
      return `${parent} is a redis cache without \`encryption\`: values are encrypted by default, so it needs \`encryption.keys.current\` (64 hex characters, best a secret reference such as <vault.redis_encryption_key>), or \`encryption.disabled: true\``;
    }
    if (missing === 'redis') return `${parent} is a redis cache without \`redis\`; add \`redis.addresses\` (host:port)`;
    if (missing === 'cluster') return `${parent} is a cache of type cluster without \`cluster.name\`; name a \`clusters[]\` entry`;
    return `${parent} is missing \`${missing}\` (every cache needs a \`name\` and a \`type\`)`;
  }
  if (missing === 'keys' && last === 'encryption') {
    return `${parent} has no \`keys\`: encryption is on, so it needs \`keys.current\` (64 hex characters), or set \`disabled: true\``;
  }
  if (missing === 'current' && last === 'keys') {
    return `${parent} has no \`current\` key: encryption is on, so it needs \`current\` (64 hex characters, best a secret reference), or set \`encryption.disabled: true\``;
  }
  if (missing === 'addresses') return `${parent} has no \`addresses\`; list at least one host:port`;
  return `${parent}${GENERIC_MISSING}\`${missing}\``;
}

/** Values people reach for that the surface does not take, with what to do instead. */
const ENUM_HINTS: Record<string, string> = {
  'store.type=redis': 'Redis is never a session store; Redis caches are declared under `caches` and named by modes',
  'store.type=memory': 'the in-memory session store is `local`',
  'caches.type=memory': 'the built-in in-memory cache is `local_default`, always present; do not declare it',
  'caches.type=local': 'the built-in in-memory cache is `local_default`, always present; do not declare it',
};

/** Keys that older Orchestrators or other places take, with the right spelling here. */
const MISPLACED: Record<string, string> = {
  'hashing.disabled': 'hashing is turned off with `hashing.keys.disabled: true`',
  'encryption.keys.disabled': 'encryption is turned off with `encryption.disabled: true`',
  'hashing.keys.enabled': 'hashing is on by default; it is turned off with `hashing.keys.disabled: true`',
  'encryption.enabled': 'encryption is on by default; it is turned off with `encryption.disabled: true`',
  'redis.address': 'did you mean `addresses` (a list of host:port)?',
  'redis.host': 'Redis servers are listed as `addresses: ["host:port"]`',
  'redis.port': 'Redis servers are listed as `addresses: ["host:port"]`',
  'redis.caFile': 'TLS settings live in a profile under the top-level `tls`, named by `redis.tls`',
  'redis.minVersion': 'TLS settings live in a profile under the top-level `tls`, named by `redis.tls`',
};

function unknownKeyMessage(parentPath: JsonPath, key: string, known: string[], surface: SchemaNode['x-surface'], variant: string | undefined): string {
  const where = `${parentPath.length ? `\`${formatPath(parentPath)}\`` : 'the top level'}${variant ? ` (${variant})` : ''}`;
  const base = `unknown key \`${key}\` in ${where}`;
  if (surface === 'partial') {
    const suggestion = didYouMean(key, known.filter((k) => !LEGACY_KEYS.has(k)));
    return `${base}: it is not in the documented surface${suggestion ? `; did you mean \`${suggestion}\`?` : ' (the docs describe features here whose key names were not visible, so it may be real)'}`;
  }
  const parentKey = parentPath.filter((s) => typeof s === 'string').slice(-2).join('.');
  const lastKey = String(parentPath.filter((s) => typeof s === 'string').slice(-1)[0] ?? '');
  const hint = MISPLACED[`${parentKey}.${key}`] ?? MISPLACED[`${lastKey}.${key}`];
  if (hint) return `${base}: ${hint}`;
  const suggestion = didYouMean(key, known.filter((k) => !LEGACY_KEYS.has(k)));
  if (suggestion) return `${base}; did you mean \`${suggestion}\`?`;
  const listed = known.filter((k) => !LEGACY_KEYS.has(k));
  if (!listed.length) return base;
  // A connector has some 25 keys: name the first few rather than bury the message.
  const shown = listed.slice(0, KNOWN_KEYS_SHOWN).map((k) => `\`${k}\``).join(', ');
  return `${base}; the Orchestrator does not document it here (known keys: ${shown}${listed.length > KNOWN_KEYS_SHOWN ? `, and ${listed.length - KNOWN_KEYS_SHOWN} more` : ''})`;
}

const KNOWN_KEYS_SHOWN = 12;

/** Legacy keys are accepted but never suggested. */
const LEGACY_KEYS = new Set(['appgateways', 'idps', 'authproviders', 'authProvider', 'orchestratorGroups', 'include', 'listenAddress', 'cookieDomain', 'maxLifetimeSeconds', 'idleTimeoutSeconds']);

/**
 * The schema node that describes the value at `path`, found by walking the schema along the
 * instance path (following `$ref`, `properties`, `items` and `additionalProperties`). Ajv's own
 * schemaPath cannot be used for this: inside a `$ref`'d definition it is relative to that
 * definition (`#/properties/redis/additionalProperties`), so it would name the wrong object.
 */
export function schemaForInstance(path: JsonPath, root: unknown): SchemaNode | undefined {
  let node: SchemaWalkNode | undefined = deref(schemaJson() as SchemaWalkNode);
  let value = root;
  for (const seg of path) {
    if (!node) return undefined;
    value = valueAt(value, [seg]);
    if (typeof seg === 'number') node = deref(node.items);
    else node = deref(node.properties?.[seg] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
    node = variantOf(node, value);
  }
  return node;
}

/** A discriminated object's own definition (`connector.okta`), picked by its `type`. */
function variantOf(node: SchemaWalkNode | undefined, value: unknown): SchemaWalkNode | undefined {
  const discriminator = node?.['x-discriminator'];
  if (!discriminator) return node;
  const tag = valueAt(value, [discriminator.property]);
  if (typeof tag !== 'string') return node;
  return (schemaAt(`#/definitions/${discriminator.prefix}.${tag}/x`) as SchemaWalkNode | undefined) ?? node;
}

/** "type okta" for a discriminated object, so a message says whose key set it used. */
function variantName(path: JsonPath, root: unknown): string | undefined {
  if (typeof path[path.length - 1] !== 'number') return undefined;
  const list = schemaForInstance(path.slice(0, -1), root) as SchemaWalkNode | undefined;
  const discriminator = deref(list?.items)?.['x-discriminator'];
  const tag = discriminator ? valueAt(root, [...path, discriminator.property]) : undefined;
  return typeof tag === 'string' && discriminator && schemaAt(`#/definitions/${discriminator.prefix}.${tag}/x`) ? `type ${tag}` : undefined;
}

function bareNumberDuration(path: JsonPath, n: number): SchemaIssue {
  return { kind: 'wrong-type', path, target: 'value', message: `${describe(path)} is the bare number ${n}: Go reads a number as nanoseconds, so this is ${nanoseconds(n)}; write a duration with a unit such as ${durationSuggestion(n)}` };
}

/** How Go reads a bare number given to a time.Duration. */
function nanoseconds(n: number): string {
  if (Math.abs(n) >= 1e6) return `${n / 1e6} ms`;
  if (Math.abs(n) >= 1e3) return `${n / 1e3} µs`;
  return `${n} ns`;
}

/** The duration the author most likely meant, reading the number as seconds. */
function durationSuggestion(n: number): string {
  if (n % 3600 === 0) return `${n / 3600}h`;
  if (n % 60 === 0) return `${n / 60}m`;
  return `${n}s`;
}

type SchemaWalkNode = SchemaNode & { properties?: Record<string, SchemaWalkNode>; items?: SchemaWalkNode; additionalProperties?: SchemaWalkNode | boolean };

function deref(node: SchemaWalkNode | undefined): SchemaWalkNode | undefined {
  if (!node?.$ref) return node;
  return schemaAt(`${node.$ref}/x`) as SchemaWalkNode | undefined;
}

function schemaAt(schemaPath: string): SchemaNode | undefined {
  // "#/definitions/cache/additionalProperties" → the object schema that owns it.
  const segments = schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1).map(unescapePointer);
  let node: unknown = schemaJson();
  for (const seg of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  const found = node as SchemaNode | undefined;
  if (found?.$ref) return schemaAt(`${found.$ref}/x`);
  return found;
}

function decodePointer(pointer: string, root: unknown): JsonPath {
  if (!pointer) return [];
  const out: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = unescapePointer(raw);
    if (Array.isArray(node)) {
      const index = Number(seg);
      out.push(index);
      node = node[index];
    } else {
      out.push(seg);
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function unescapePointer(seg: string): string {
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const seg of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

function underPlaceholder(path: JsonPath, isPlaceholder: (path: JsonPath) => boolean): boolean {
  for (let i = path.length; i > 0; i--) if (isPlaceholder(path.slice(0, i))) return true;
  return false;
}

function describe(path: JsonPath): string {
  return path.length ? `\`${formatPath(path)}\`` : 'the top level';
}


function typeWords(expected: string): string {
  const words: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping (key: value lines)',
    array: 'a list (lines starting with `- `)',
    null: 'empty',
  };
  return expected
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

function kindOf(data: unknown): string {
  if (data === null || data === undefined) return 'nothing (an empty value)';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  if (typeof data === 'string') return /^(true|false|yes|no|on|off)$/i.test(data) ? `the string "${data}"` : 'a string';
  if (typeof data === 'number') return Number.isInteger(data) ? 'a whole number' : 'a number';
  return `a ${typeof data}`;
}

function typeHint(expected: string, data: unknown): string {
  if (expected.includes('array') && typeof data === 'string') return '; write it as a list: put the value on its own line under the key, starting with `- `';
  if (expected === 'boolean' && typeof data === 'string') return '; write true or false without quotes';
  return '';
}
