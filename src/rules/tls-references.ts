/** Where TLS profiles are named from, shared by the TLS rules. */
import type { JsonPath } from '../diagnostics.js';
import type { ScalarEntry } from '../parse/parse-config.js';
import { entries, isLiteralName, obj, type Obj } from './util.js';

export interface TlsReference {
  name: string;
  path: JsonPath;
  /** Server profiles (the Orchestrator's own listener) need a certificate and key. */
  role: 'server' | 'client';
}

/**
 * The documented reference sites (http.tls, http.hosts[].tls, connectors[].tls,
 * caches[].redis.tls) and the legacy appgateways[].tls. Only these can name a missing profile.
 */
export function tlsReferences(config: Obj): TlsReference[] {
  const refs: TlsReference[] = [];
  const add = (value: unknown, path: JsonPath, role: TlsReference['role']): void => {
    if (isLiteralName(value)) refs.push({ name: value, path, role });
  };
  const http = obj(config.http);
  add(http.tls, ['http', 'tls'], 'server');
  for (const host of entries(http, ['http'], 'hosts')) add(obj(host.value).tls, [...host.path, 'tls'], 'server');
  for (const c of entries(config, [], 'connectors')) add(obj(c.value).tls, [...c.path, 'tls'], 'client');
  for (const c of entries(config, [], 'caches')) add(obj(obj(c.value).redis).tls, [...c.path, 'redis', 'tls'], 'client');
  for (const g of entries(config, [], 'appgateways')) add(obj(g.value).tls, [...g.path, 'tls'], 'client');
  return refs;
}

/**
 * Every profile name the file may use: the documented sites, any other string under a `tls` key
 * (apps and connectors of types this project does not model), and the `maverics` profile that the
 * legacy top-level `listenAddress` serves with.
 */
export function usedTlsProfiles(config: Obj, strings: readonly ScalarEntry[]): Set<string> {
  const used = new Set(tlsReferences(config).map((r) => r.name));
  for (const { path, value } of strings) {
    if (path[0] !== 'tls' && path[path.length - 1] === 'tls') used.add(value);
  }
  if ('listenAddress' in config) used.add('maverics');
  return used;
}
