import { readFileSync } from 'node:fs';
import { formatPath, type JsonPath } from '../diagnostics.js';
import { isDeferredValue } from '../secrets/references.js';
import { didYouMean } from './did-you-mean.js';
import validate, { type SchemaError } from './generated/validate-maverics.js';

export type SchemaIssueKind = 'required-key' | 'wrong-type' | 'invalid-value' | 'unknown-key';

/** One real problem found by the schema, already in words; rules turn these into diagnostics. */
export interface SchemaIssue {
  kind: SchemaIssueKind;
  path: JsonPath;
  /** A missing key is reported at its parent's key, an unknown key at the key, the rest at the value. */
  target: 'key' | 'value';
  message: string;
}

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  description?: string;
  $ref?: string;
};

let schemaCache: SchemaNode | undefined;
/** Read only when an unknown key needs suggestions: the validator itself is precompiled. */
function schemaJson(): SchemaNode {
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
    const issue = toIssue(error, path, valueAt(value, path), typeErrorAt);
    if (issue) issues.push(issue);
  }
  return issues;
}

function toIssue(error: SchemaError, path: JsonPath, data: unknown, typeErrorAt: Set<string>): SchemaIssue | undefined {
  const where = describe(path);
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      return { kind: 'required-key', path, target: 'key', message: requiredMessage(path, missing) };
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(schemaForInstance(path)?.properties ?? {});
      return { kind: 'unknown-key', path: [...path, key], target: 'key', message: unknownKeyMessage(path, key, known) };
    }
    case 'type': {
      if (isDeferredValue(data)) return undefined;
      const expected = String(error.params.type);
      return { kind: 'wrong-type', path, target: 'value', message: `${where} must be ${typeWords(expected)}, got ${kindOf(data)}${typeHint(expected, data)}` };
    }
    case 'enum': {
      if (typeErrorAt.has(error.instancePath) || isDeferredValue(data)) return undefined;
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof data === 'string' ? didYouMean(data, allowed) : undefined;
      const hint = ENUM_HINTS[`${path.filter((s) => typeof s === 'string').slice(-2).join('.')}=${String(data)}`];
      return {
        kind: 'invalid-value',
        path,
        target: 'value',
        message: `${where} is \`${String(data)}\`; expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}${hint ? `: ${hint}` : ''}`,
      };
    }
    case 'minItems':
      return { kind: 'invalid-value', path, target: 'value', message: `${where} is empty; it needs at least ${String(error.params.limit)} ${Number(error.params.limit) === 1 ? 'entry' : 'entries'}` };
    case 'minimum':
      if (typeErrorAt.has(error.instancePath) || isDeferredValue(data)) return undefined;
      return { kind: 'invalid-value', path, target: 'value', message: `${where} is ${String(data)}; it must be at least ${String(error.params.limit)}` };
    case 'if':
    case 'const':
      // Bookkeeping of conditional schemas: the error that matters is reported by the branch.
      return undefined;
    default:
      return { kind: 'invalid-value', path, target: 'value', message: `${where} ${error.message ?? 'is not valid'}` };
  }
}

function requiredMessage(path: JsonPath, missing: string): string {
  const last = path[path.length - 1];
  const parent = path.length ? `\`${formatPath(path)}\`` : 'the file';
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
  return `${parent} is missing the required key \`${missing}\``;
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

function unknownKeyMessage(parentPath: JsonPath, key: string, known: string[]): string {
  const where = parentPath.length ? `\`${formatPath(parentPath)}\`` : 'the top level';
  const base = `unknown key \`${key}\` in ${where}`;
  const parentKey = parentPath.filter((s) => typeof s === 'string').slice(-2).join('.');
  const lastKey = String(parentPath.filter((s) => typeof s === 'string').slice(-1)[0] ?? '');
  const hint = MISPLACED[`${parentKey}.${key}`] ?? MISPLACED[`${lastKey}.${key}`];
  if (hint) return `${base}: ${hint}`;
  const suggestion = didYouMean(key, known.filter((k) => !LEGACY_KEYS.has(k)));
  if (suggestion) return `${base}; did you mean \`${suggestion}\`?`;
  return known.length ? `${base}; the Orchestrator does not document it here (known keys: ${known.filter((k) => !LEGACY_KEYS.has(k)).map((k) => `\`${k}\``).join(', ')})` : base;
}

/** Legacy keys are accepted but never suggested. */
const LEGACY_KEYS = new Set(['appgateways', 'idps', 'authproviders', 'authProvider', 'orchestratorGroups', 'include', 'listenAddress', 'cookieDomain', 'maxLifetimeSeconds', 'idleTimeoutSeconds']);

/**
 * The schema node that describes the value at `path`, found by walking the schema along the
 * instance path (following `$ref`, `properties`, `items` and `additionalProperties`). Ajv's own
 * schemaPath cannot be used for this: inside a `$ref`'d definition it is relative to that
 * definition (`#/properties/redis/additionalProperties`), so it would name the wrong object.
 */
function schemaForInstance(path: JsonPath): SchemaNode | undefined {
  let node: SchemaWalkNode | undefined = deref(schemaJson() as SchemaWalkNode);
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = deref(node.items);
    else node = deref(node.properties?.[seg] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
  }
  return node;
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
