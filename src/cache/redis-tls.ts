import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { ConnectionOptions, SecureVersion } from 'node:tls';
import type { SecretValue } from '../base/secret-value.js';
import { CacheError } from './cache.js';

/** A resolved TLS profile (`tls.<name>` in maverics.yaml), as far as a Redis client uses it. */
export interface TlsSpec {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  /**
   * PEM contents instead of files: what a secret reference such as `keyFile: <vault.redis_client_key>`
   * resolves to. A content field wins over its file field.
   */
  ca?: string;
  cert?: string;
  key?: SecretValue;
  /**
   * The `<reference>` a file field came from, when it did: a value that is not PEM text is then
   * tried as a path, and a failure names the reference, never the value (it may be the key itself).
   */
  references?: { ca?: string; cert?: string; key?: string };
  /** '1.0' | '1.1' | '1.2' | '1.3'; absent means 1.2, the Orchestrator's default. */
  minVersion?: string;
}

const VERSIONS: Record<string, SecureVersion> = {
  '1.0': 'TLSv1',
  '1': 'TLSv1',
  '1.1': 'TLSv1.1',
  '1.2': 'TLSv1.2',
  '1.3': 'TLSv1.3',
};

/**
 * Node TLS options for one Redis cache: the CA replaces the default trust store only when given
 * (self-signed deployments), and certificates are always verified. `servername` is set per host
 * by `forHost` because SNI and hostname verification need the name the operator wrote.
 */
export async function loadTlsOptions(cache: string, spec: TlsSpec): Promise<ConnectionOptions> {
  const wanted = spec.minVersion ?? '1.2';
  // Own keys only: a minVersion of `toString` must not find Object.prototype's method.
  const minVersion = Object.hasOwn(VERSIONS, wanted) ? VERSIONS[wanted] : undefined;
  if (minVersion === undefined) {
    throw new CacheError('ECACHE_CONFIG', cache, `cache "${cache}": TLS minVersion must be one of 1.0, 1.1, 1.2, 1.3`);
  }
  const read = async (path: string | undefined, what: string, content: string | undefined, reference: string | undefined): Promise<Buffer | undefined> => {
    if (content !== undefined) return Buffer.from(content);
    if (path === undefined) return undefined;
    try {
      return await readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      if (reference === undefined) {
        throw new CacheError('ECACHE_CONFIG', cache, `cache "${cache}": cannot read the TLS ${what} file ${path}: ${code}`, { cause: err });
      }
      // The fs error's message and `path` hold the value: the cause keeps only its code.
      throw new CacheError('ECACHE_CONFIG', cache, `cache "${cache}": the TLS ${what} from <${reference}> is not PEM text, and no file at that path can be read (${code})`, {
        cause: Object.assign(new Error(code), { code }),
      });
    }
  };
  const refs = spec.references ?? {};
  const [ca, cert, key] = await Promise.all([
    read(spec.caFile, 'CA', spec.ca, refs.ca),
    read(spec.certFile, 'certificate', spec.cert, refs.cert),
    read(spec.keyFile, 'key', spec.key?.reveal(), refs.key),
  ]);
  if ((cert === undefined) !== (key === undefined)) {
    throw new CacheError('ECACHE_CONFIG', cache, `cache "${cache}": a TLS client certificate needs both certFile and keyFile`);
  }
  const options: ConnectionOptions = { minVersion, rejectUnauthorized: true };
  if (ca) options.ca = ca;
  if (cert) options.cert = cert;
  if (key) options.key = key;
  return options;
}

/** Per-connection options: SNI and identity checks use the configured host, unless it is an IP. */
export function forHost(options: ConnectionOptions, host: string): ConnectionOptions {
  return isIP(host) ? { ...options } : { ...options, servername: host };
}
