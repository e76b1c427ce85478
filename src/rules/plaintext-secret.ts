import type { JsonPath } from '../base/diagnostics.js';
import type { Rule } from './rule.js';
import { isLiteralSecret, numericSecretPaths, secretKeyName } from '../config/secret-keys.js';

const rule: Rule = {
  id: 'plaintext-secret',
  severity: 'warning',
  description: 'A literal value where a secret belongs (passwords, keys, client secrets, tokens, private keys).',
  messages: {
    literal: '`{key}` holds a literal secret; anyone who can read this file (or its history) has it. Store it in your secret provider and write a reference such as <{suggestion}>',
  },
  check({ parsed, report }) {
    for (const { path, value } of parsed.strings) {
      const key = secretKeyName(path);
      if (!key || !isLiteralSecret(value)) continue;
      report({ path, messageId: 'literal', data: { key, suggestion: referenceSuggestion(path) } });
    }
    for (const path of numericSecretPaths(parsed.value)) {
      report({ path, messageId: 'literal', data: { key: secretKeyName(path) as string, suggestion: referenceSuggestion(path) } });
    }
  },
};

/** The reference a literal secret at `path` could become: `vault.` and the last two key names. */
export function referenceSuggestion(path: JsonPath): string {
  const words = path.filter((s): s is string => typeof s === 'string' && s !== 'keys');
  const tail = words.slice(-2).join('_').replace(/[^A-Za-z0-9_]/g, '_');
  return `vault.${tail || 'secret'}`;
}
export default rule;
