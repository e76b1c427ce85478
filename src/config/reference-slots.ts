/**
 * Every place a name refers to another part of the file, as data: one table of slots per kind of
 * target, read by the unknown-* rules, the TLS rules and env-reference-syntax alike, so a new slot
 * is one line here and every rule that cares sees it.
 */
import type { JsonPath } from '../base/diagnostics.js';
import type { ScalarEntry } from '../parse/parse-config.js';
import { declaredNames, isLiteralName, isObj, list, obj, scalarText, type Obj } from './accessors.js';

export type ReferenceKind = 'connector' | 'tls' | 'cache' | 'cluster';

/** `*` is every element of a list; any other segment is a key. */
type Pattern = readonly string[];

interface Slot {
  pattern: Pattern;
  /** TLS only: server profiles (the Orchestrator's own listener) need a certificate and key. */
  role?: 'server' | 'client';
}

/** The slots that name a target, per kind. Sources: the surface inventory (docs + real configs). */
export const REFERENCE_SLOTS: Readonly<Record<ReferenceKind, readonly Slot[]>> = {
  connector: [
    { pattern: ['apps', '*', 'authentication', 'idps', '*'] },
    { pattern: ['apps', '*', 'policies', '*', 'authentication', 'idps', '*'] },
    // MCP apps exchange tokens with an OIDC connector.
    { pattern: ['apps', '*', 'authorization', 'outbound', 'tokenExchange', 'idp'] },
    // A continuity connector fails over between other connectors.
    { pattern: ['connectors', '*', 'failover', 'idps', '*'] },
    // Legacy forms: `authProvider: <connector>`, top-level `idps: [{name}]`, app gateways' idps.
    { pattern: ['authProvider'] },
    { pattern: ['idps', '*', 'name'] },
    { pattern: ['appgateways', '*', 'idps', '*', 'name'] },
    { pattern: ['appgateways', '*', 'idps', '*'] },
    { pattern: ['appgateways', '*', 'policies', '*', 'authentication', 'idps', '*'] },
  ],
  tls: [
    { pattern: ['http', 'tls'], role: 'server' },
    { pattern: ['http', 'hosts', '*', 'tls'], role: 'server' },
    { pattern: ['connectors', '*', 'tls'], role: 'client' },
    { pattern: ['caches', '*', 'redis', 'tls'], role: 'client' },
    // An MCP Proxy app's streaming upstream.
    { pattern: ['apps', '*', 'upstream', 'stream', 'tls'], role: 'client' },
    { pattern: ['appgateways', '*', 'tls'], role: 'client' },
  ],
  cache: [
    { pattern: ['oidcProvider', 'cache'] },
    { pattern: ['samlProvider', 'cache'] },
    { pattern: ['ldapProvider', 'cache'] },
    { pattern: ['mcpProvider', 'cache'] },
  ],
  cluster: [
    { pattern: ['caches', '*', 'cluster', 'name'] },
    { pattern: ['session', 'store', 'cluster', 'name'] },
    { pattern: ['http', 'routing', 'cluster', 'name'] },
    // Before clusters were renamed (2026-01), cluster routing named an orchestrator group.
    { pattern: ['http', 'routing', 'group', 'name'] },
  ],
};

export interface Reference {
  kind: ReferenceKind;
  /** The literal name (secret references and env templates are left out: they cannot be judged). */
  name: string;
  path: JsonPath;
  role?: 'server' | 'client';
  /** Set when the name sits in a `{{ connector.attribute }}` template inside a longer string. */
  template?: string;
}

/** Each literal name at a slot of `kind`. */
export function slotReferences(config: Obj, kind: ReferenceKind): Reference[] {
  const out: Reference[] = [];
  for (const slot of REFERENCE_SLOTS[kind]) {
    for (const at of valuesAt(config, slot.pattern, [])) {
      const name = typeof at.value === 'number' ? String(at.value) : at.value;
      if (isLiteralName(name)) out.push({ kind, name, path: at.path, ...(slot.role ? { role: slot.role } : {}) });
    }
  }
  return out;
}

function valuesAt(node: unknown, pattern: Pattern, path: JsonPath): { value: unknown; path: JsonPath }[] {
  const [head, ...rest] = pattern;
  if (head === undefined) return [{ value: node, path }];
  if (head === '*') return list(node).flatMap((v, i) => valuesAt(v, rest, [...path, i]));
  const o = obj(node);
  return head in o ? valuesAt(o[head], rest, [...path, head]) : [];
}

/** What each kind's names are declared by. */
export function declaredTargets(config: Obj, kind: ReferenceKind): Set<string> {
  switch (kind) {
    case 'tls':
      return new Set(Object.keys(obj(config.tls)));
    case 'cache':
      return declaredNames(config, 'caches');
    case 'cluster':
      // Legacy `http.routing.group.name` names an `orchestratorGroups` entry.
      return declaredNames(config, 'clusters', 'orchestratorGroups');
    case 'connector': {
      const names = declaredNames(config, 'connectors');
      // A legacy top-level `idps` entry with more than a name declares an identity provider;
      // one with only a name refers to a connector.
      for (const idp of list(config.idps)) {
        const name = scalarText(obj(idp).name);
        if (isObj(idp) && name !== undefined && Object.keys(idp).length > 1) names.add(name);
      }
      return names;
    }
  }
}

/** Template prefixes that are not connectors: environment variables and service-extension values. */
const NOT_CONNECTORS = new Set(['env', 'se']);
const ATTRIBUTE_TEMPLATE = /\{\{\s*([A-Za-z0-9_-]+)\.[A-Za-z0-9_.-]+\s*\}\}/g;

/**
 * Where `{{ connector.attribute }}` templates are substituted: header values (apps, app gateways),
 * claims mappings and authorization rule operands.
 */
export function takesAttributeTemplates(path: JsonPath): boolean {
  if (path.includes('headers') || path.includes('claimsMapping')) return true;
  const at = path.indexOf('authorization');
  return at !== -1 && path.indexOf('rules', at) !== -1;
}

/** A claims mapping's value may also name the attribute bare, as real configs do (`email: keycloak.email`). */
const BARE_ATTRIBUTE = /^([A-Za-z0-9_-]+)\.[A-Za-z0-9_.-]+$/;

/**
 * The connector named by each `{{ connector.attribute }}` template where such templates are
 * substituted, and by each bare `connector.attribute` value of a claims mapping.
 */
export function attributeTemplateReferences(strings: readonly ScalarEntry[]): Reference[] {
  const out: Reference[] = [];
  const add = (name: string, path: JsonPath, template: string): void => {
    if (!NOT_CONNECTORS.has(name)) out.push({ kind: 'connector', name, path, template });
  };
  for (const { path, value } of strings) {
    const bare = path[path.length - 2] === 'claimsMapping' ? BARE_ATTRIBUTE.exec(value) : null;
    if (bare) add(bare[1] as string, path, value);
    if (!value.includes('{{') || !takesAttributeTemplates(path)) continue;
    for (const m of value.matchAll(ATTRIBUTE_TEMPLATE)) add(m[1] as string, path, m[0]);
  }
  return out;
}

/**
 * Every TLS profile name the file may use: the slots, any other string under a `tls` key (apps and
 * connectors of types not modelled), and the `maverics` profile the legacy `listenAddress` serves with.
 */
export function usedTlsProfiles(config: Obj, strings: readonly ScalarEntry[]): Set<string> {
  const used = new Set(slotReferences(config, 'tls').map((r) => r.name));
  for (const { path, value } of strings) {
    if (path[0] !== 'tls' && path[path.length - 1] === 'tls') used.add(value);
  }
  if ('listenAddress' in config) used.add('maverics');
  return used;
}
