/**
 * The offline rules again, on what references and env templates turn into: a reference that
 * resolves to a 63-character key, or `{{ env.REDIS }}` that becomes `redis://…`, fails at start-up
 * just as a literal would. Messages describe the value (its length, the kind of wrong character),
 * never show it.
 */
import { addressShape } from '../config/redis-address.js';
import type { Diagnostic, JsonPath } from '../base/diagnostics.js';
import { diagnosticAt } from './result.js';
import type { ParsedConfig } from '../parse/parse-config.js';
import { encryptionKeySlots, hashingKeySlots, keyProblem } from '../config/key-format.js';
import { addressProblem } from '../config/redis-address.js';
import { list, obj, redisCaches } from '../config/accessors.js';
import { envTemplates, hasEnvTemplate, ownVariables, secretReferenceName, substituteEnv, type Env } from '../config/secret-references.js';
import type { SecretValue } from '../base/secret-value.js';

export function validateResolvedValues(parsed: ParsedConfig, config: Record<string, unknown>, secrets: ReadonlyMap<string, SecretValue>, env: Env = process.env): Diagnostic[] {
  const vars = ownVariables(env);
  const out: Diagnostic[] = [];
  const push = (path: JsonPath, ruleId: string, severity: Diagnostic['severity'], message: string): void => {
    out.push(diagnosticAt(parsed, path, ruleId, severity, message));
  };
  const keyChecks = [
    { slots: encryptionKeySlots(config), ruleId: 'encryption-key-format', severity: 'error' as const, what: 'an encryption key', need: 'AES-256-GCM needs exactly 64 hex characters (32 bytes)' },
    { slots: hashingKeySlots(config), ruleId: 'hashing-key-format', severity: 'warning' as const, what: 'a hashing key', need: 'use 64 hex characters (32 random bytes)' },
  ];
  for (const { slots, ruleId, severity, what, need } of keyChecks) {
    for (const slot of slots) {
      const resolved = typeof slot.value === 'string' ? resolve(slot.value) : undefined;
      if (resolved === undefined) continue;
      const problem = keyProblem(resolved.value.trim());
      if (problem) push(slot.path, ruleId, severity, `${resolved.source} resolves to ${what} that ${problem}; ${need}: generate one with \`openssl rand -hex 32\` and store it ${resolved.store}`);
    }
  }
  // Addresses that were env templates or references in the file are checked as they will be at
  // start-up, and described by their shape: the value may carry a password (`redis://u:pw@h:1`).
  for (const cache of redisCaches(config)) {
    list(obj(cache.value.redis).addresses).forEach((address, i) => {
      const path = [...cache.path, 'redis', 'addresses', i];
      const written = parsed.sourceMap.scalarSource(path);
      if (typeof address !== 'string' || written === undefined) return;
      const reference = secretReferenceName(written);
      const value = reference === undefined ? (hasEnvTemplate(written) ? substituteEnv(written, vars) : undefined) : secrets.get(reference)?.reveal();
      if (value === undefined || (!addressProblem(value.trim()) && value.trim() === value)) return;
      const from = reference === undefined ? 'after env substitution, the address' : `the secret <${reference}>`;
      push(path, 'redis-address', 'error', `${from} is ${addressShape(value)}; expected host:port (or [IPv6]:port), with credentials in redis.username and redis.password`);
    });
  }
  return out;

  /** A key slot's value as start-up will see it, where it came from, and where to fix it. */
  function resolve(written: string): { value: string; source: string; store: string } | undefined {
    const reference = secretReferenceName(written);
    if (reference !== undefined) {
      const value = secrets.get(reference);
      return value === undefined ? undefined : { value: value.reveal(), source: `the secret <${reference}>`, store: 'under that name' };
    }
    const templates = envTemplates(written);
    // An unset variable is reported by unset-env-var; an empty key would only repeat it.
    if (!templates.length || templates.some((t) => vars[t.name] === undefined)) return undefined;
    const names = templates.map((t) => `{{ env.${t.name} }}`).join(' ');
    return { value: substituteEnv(written, vars), source: names, store: 'in that variable' };
  }
}
