import type { JsonPath } from '../diagnostics.js';
import { isDeferredValue } from '../secrets/references.js';
import type { Rule } from './rule.js';

/**
 * Key names that hold secrets, matched at the end of the key (`oauthClientSecret`, `apiToken`,
 * `serviceAccountPassword`), so that `ldapCASecretName`, `tokenValidation` or `keyFile` are not.
 */
const SECRET_KEY = /(password|passwd|secret|token|apikey|api_key|privatekey|private_key|psk|clientsecret)$/i;

const rule: Rule = {
  id: 'plaintext-secret',
  severity: 'warning',
  description: 'A literal value where a secret belongs (passwords, keys, client secrets, tokens, private keys).',
  messages: {
    literal: '`{key}` holds a literal secret; anyone who can read this file (or its history) has it. Store it in your secret provider and write a reference such as <{suggestion}>',
  },
  check({ parsed, report }) {
    for (const { path, value } of parsed.strings) {
      // A URL or a file path names where something is, not the secret itself.
      if (value === '' || isDeferredValue(value) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) || value.startsWith('/')) continue;
      const key = secretKeyName(path);
      if (!key) continue;
      report({ path, messageId: 'literal', data: { key, suggestion: suggestion(path) } });
    }
  },
};

/** The key that makes this value a secret, or undefined. */
function secretKeyName(path: JsonPath): string | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const grand = path[path.length - 3];
  if (typeof last === 'string' && SECRET_KEY.test(last)) return last;
  // credentials.secrets[i] of an app; encryption.keys.current / old[i] and hashing.keys.*.
  if (typeof last === 'number' && parent === 'secrets' && grand === 'credentials') return 'credentials.secrets';
  const keysAt = typeof last === 'number' ? path.length - 3 : path.length - 2;
  const slot = typeof last === 'number' ? parent : last;
  if ((slot === 'current' || slot === 'old') && path[keysAt] === 'keys' && (path[keysAt - 1] === 'encryption' || path[keysAt - 1] === 'hashing')) {
    return `${String(path[keysAt - 1])}.keys.${slot}`;
  }
  return undefined;
}

function suggestion(path: JsonPath): string {
  const words = path.filter((s): s is string => typeof s === 'string' && s !== 'keys');
  const tail = words.slice(-2).join('_').replace(/[^A-Za-z0-9_]/g, '_');
  return `vault.${tail || 'secret'}`;
}
export default rule;
