/**
 * From the compiled config and the resolved secrets to what the cache registry opens: one
 * RedisCacheSpec per redis cache, secrets as SecretValues (a literal in the file is wrapped too, so
 * nothing downstream handles a bare secret string).
 */
import type { RedisCacheSpec, TlsSpec } from './index.js';
import type { JsonPath } from '../base/diagnostics.js';
import { isObj, list, obj, redisCaches, scalarText, str } from '../config/accessors.js';
import { hasEnvTemplate, ownVariables, secretReferenceName, substituteEnv, type Env } from '../config/secret-references.js';
import { SecretValue } from '../base/secret-value.js';

export interface LocatedSpec {
  spec: RedisCacheSpec;
  path: JsonPath;
}

/**
 * `env` fills the `{{ env.X }}` templates compile left in place at secret-bearing keys (compiled
 * output must not carry their values): here is where those values are used.
 */
export function redisCacheSpecs(config: Record<string, unknown>, secrets: ReadonlyMap<string, SecretValue>, env: Env = process.env): LocatedSpec[] {
  const vars = ownVariables(env);
  const secret = (value: unknown, where: string): SecretValue | undefined => {
    if (typeof value !== 'string' || value === '') return undefined;
    const reference = secretReferenceName(value);
    if (reference !== undefined) return secrets.get(reference);
    if (hasEnvTemplate(value)) return new SecretValue(substituteEnv(value, vars), `env ${where}`);
    return new SecretValue(value, `literal ${where}`);
  };
  /** A plain value, and the reference it came from (messages name that, never the value). */
  const source = (value: unknown): { text: string; reference?: string } | undefined => {
    const text = scalarText(value);
    if (text === undefined) return undefined;
    const reference = secretReferenceName(text);
    if (reference === undefined) return { text: hasEnvTemplate(text) ? substituteEnv(text, vars) : text };
    const resolved = secrets.get(reference)?.reveal();
    return resolved === undefined ? undefined : { text: resolved, reference };
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
    const addresses = list(redis.addresses).flatMap((a) => source(a) ?? []);
    const spec: RedisCacheSpec = {
      name,
      addresses: addresses.map((a) => a.text),
      addressLabels: addresses.map((a) => (a.reference === undefined ? undefined : `<${a.reference}>`)),
      encryption: { disabled: encryption.disabled === true, ...keys(encryption.keys, `${name}.encryption.keys`) },
      hashing: { disabled: hashingKeys.disabled === true, ...keys(hashingKeys, `${name}.hashing.keys`) },
    };
    const username = source(redis.username);
    if (username !== undefined) spec.username = username.text;
    if (username?.reference !== undefined) spec.usernameReference = username.reference;
    const password = secret(redis.password, `${name}.redis.password`);
    if (password !== undefined) spec.password = password;
    const profileName = str(redis.tls);
    const profile = profileName === undefined ? undefined : obj(config.tls)[profileName];
    if (isObj(profile)) spec.tls = tlsSpec(profile, source, secret);
    return { spec, path };
  });
}

/**
 * A TLS file field is a path, or a secret reference; a reference that resolves to PEM text is the
 * certificate or key itself (secret stores hold contents, not paths), anything else is a path.
 */
function tlsSpec(
  profile: Readonly<Record<string, unknown>>,
  source: (value: unknown) => { text: string; reference?: string } | undefined,
  secret: (value: unknown, where: string) => SecretValue | undefined,
): TlsSpec {
  const spec: TlsSpec = {};
  const isPem = (text: string | undefined) => text !== undefined && text.trimStart().startsWith('-----BEGIN');
  const ca = source(profile.caFile);
  const certificate = source(profile.certFile);
  const caFile = ca?.text;
  const certFile = certificate?.text;
  const key = secret(profile.keyFile, 'tls keyFile');
  const keyReference = typeof profile.keyFile === 'string' ? secretReferenceName(profile.keyFile) : undefined;
  const references = { ca: ca?.reference, cert: certificate?.reference, key: keyReference };
  if (references.ca !== undefined || references.cert !== undefined || references.key !== undefined) spec.references = references;
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
