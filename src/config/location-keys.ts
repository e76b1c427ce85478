/**
 * Which keys hold a URL or a file-system path, decided from the key's name: the naming the
 * Orchestrator's configuration keeps to (`samlMetadataURL`, `oidcWellKnownURL`, `redirectURLs`,
 * `openapi.spec.uri`, `certFile`, `clientCAFiles`, `samlSPCertPath`, `metadataPath`, …), plus the
 * few URL- and path-typed keys of the surface inventory whose names do not say so.
 */
import type { JsonPath } from '../base/diagnostics.js';

const SHAPE = /(?:URL|Url|URLs|Urls|URI|Uri|Endpoint|File|Files|Path|Paths|Dir)$/;
const NAMED = new Set(['url', 'urls', 'uri', 'file', 'upstream', 'issuer', 'errorPage', 'unauthorizedPage']);
/** Every key under these holds a URL (`oidcProvider.discovery.endpoints.{wellKnown,jwks,…}`). */
const URL_PARENTS = new Set(['endpoints']);

/** The key that makes the value at `path` a URL or a path (a list item takes its list's key), or undefined. */
export function locationKey(path: JsonPath): string | undefined {
  const at = typeof path[path.length - 1] === 'number' ? path.length - 2 : path.length - 1;
  const key = path[at];
  if (typeof key !== 'string') return undefined;
  if (SHAPE.test(key) || NAMED.has(key) || URL_PARENTS.has(String(path[at - 1]))) return key;
  return undefined;
}
