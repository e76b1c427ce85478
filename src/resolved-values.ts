/**
 * The offline rules again, on what references and env templates turn into: a reference that
 * resolves to a 63-character key, or `{{ env.REDIS }}` that becomes `redis://…`, fails at start-up
 * just as a literal would. Messages describe the value (its length, the kind of wrong character),
 * never show it.
 */
import type { Diagnostic, JsonPath } from './diagnostics.js';
import { diagnosticAt } from './lint.js';
import type { ParsedConfig } from './parse/parse-config.js';
import { encryptionKeySlots, hashingKeySlots, keyProblem } from './rules/key-format.js';
import redisAddress, { checkAddress } from './rules/redis-address.js';
import { formatMessage } from './rules/rule.js';
import { isLiteralName, list, obj, redisCaches } from './rules/util.js';
import { hasEnvTemplate, secretReferenceName } from './secrets/references.js';
import type { SecretValue } from './secrets/secret-value.js';

export function validateResolvedValues(parsed: ParsedConfig, config: Record<string, unknown>, secrets: ReadonlyMap<string, SecretValue>): Diagnostic[] {
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
      const reference = typeof slot.value === 'string' ? secretReferenceName(slot.value) : undefined;
      const value = reference === undefined ? undefined : secrets.get(reference);
      if (reference === undefined || value === undefined) continue;
      const problem = keyProblem(value.reveal().trim());
      if (problem) push(slot.path, ruleId, severity, `the secret <${reference}> resolves to ${what} that ${problem}; ${need}: generate one with \`openssl rand -hex 32\` and store it under that name`);
    }
  }
  // Addresses that were env templates in the file are checked as they will be at start-up.
  for (const cache of redisCaches(config)) {
    list(obj(cache.value.redis).addresses).forEach((address, i) => {
      const path = [...cache.path, 'redis', 'addresses', i];
      const written = parsed.sourceMap.scalarSource(path);
      if (!isLiteralName(address) || written === undefined || !hasEnvTemplate(written)) return;
      const problem = checkAddress(address.trim());
      const template = redisAddress.messages[problem?.id ?? ''];
      if (problem && template) push(path, 'redis-address', 'error', `after env substitution: ${formatMessage(template, problem.data)}`);
    });
  }
  return out;
}
