/**
 * From the compiled config and the resolved secrets to what the cache registry opens: one
 * RedisCacheSpec per redis cache, secrets as SecretValues (a literal in the file is wrapped too, so
 * nothing downstream handles a bare secret string).
 */
import type { RedisCacheSpec, TlsSpec } from './cache/index.js';
import type { JsonPath } from './diagnostics.js';
import { isObj, list, obj, redisCaches, scalarText, str } from './rules/util.js';
import { secretReferenceName } from './secrets/references.js';
import { SecretValue } from './secrets/secret-value.js';

export interface LocatedSpec {
  spec: RedisCacheSpec;
  path: JsonPath;
}

export function redisCacheSpecs(config: Record<string, unknown>, secrets: ReadonlyMap<string, SecretValue>): LocatedSpec[] {
  const secret = (value: unknown, where: string): SecretValue | undefined => {
    if (typeof value !== 'string' || value === '') return undefined;
    const reference = secretReferenceName(value);
    if (reference === undefined) return new SecretValue(value, `literal ${where}`);
    return secrets.get(reference);
  };
  const plain = (value: unknown): string | undefined => {
    const text = scalarText(value);
    if (text === undefined) return undefined;
    const reference = secretReferenceName(text);
    return reference === undefined ? text : secrets.get(reference)?.reveal();
  };
  const keys = (node: unknown, where: string) => {
    const k = obj(node);
    return {
      current: secret(k.current, `${where}.current`),
      old: list(k.old).flatMap((v, i) => secret(v, `${where}.old[${i}]`) ?? []),
    };
  };
  return redisCaches(config).map(({ value: cache, path }) => {
    const name = scalarText(cache.name) ?? '';
    const redis = obj(cache.redis);
    const encryption = obj(cache.encryption);
    const hashingKeys = obj(obj(cache.hashing).keys);
    const spec: RedisCacheSpec = {
      name,
      addresses: list(redis.addresses).flatMap((a) => plain(a) ?? []),
      encryption: { disabled: encryption.disabled === true, ...keys(encryption.keys, `${name}.encryption.keys`) },
      hashing: { disabled: hashingKeys.disabled === true, ...keys(hashingKeys, `${name}.hashing.keys`) },
    };
    const username = plain(redis.username);
    if (username !== undefined) spec.username = username;
    const password = secret(redis.password, `${name}.redis.password`);
    if (password !== undefined) spec.password = password;
    const profileName = str(redis.tls);
    const profile = profileName === undefined ? undefined : obj(config.tls)[profileName];
    if (isObj(profile)) spec.tls = tlsSpec(profile, plain, secret);
    return { spec, path };
  });
}

/**
 * A TLS file field is a path, or a secret reference; a reference that resolves to PEM text is the
 * certificate or key itself (secret stores hold contents, not paths), anything else is a path.
 */
function tlsSpec(
  profile: Readonly<Record<string, unknown>>,
  plain: (value: unknown) => string | undefined,
  secret: (value: unknown, where: string) => SecretValue | undefined,
): TlsSpec {
  const spec: TlsSpec = {};
  const isPem = (text: string | undefined) => text !== undefined && text.trimStart().startsWith('-----BEGIN');
  const caFile = plain(profile.caFile);
  const certFile = plain(profile.certFile);
  const key = secret(profile.keyFile, 'tls keyFile');
  if (isPem(caFile)) spec.ca = caFile;
  else if (caFile !== undefined) spec.caFile = caFile;
  if (isPem(certFile)) spec.cert = certFile;
  else if (certFile !== undefined) spec.certFile = certFile;
  if (key !== undefined && isPem(key.reveal())) spec.key = key;
  else if (key !== undefined) spec.keyFile = key.reveal();
  const minVersion = scalarText(profile.minVersion);
  if (minVersion !== undefined) spec.minVersion = minVersion;
  return spec;
}
