/** Which values are secrets: shared by the plaintext-secret rule and by source redaction. */
import type { JsonPath } from '../base/diagnostics.js';
import { isDeferredValue } from './secret-references.js';

/**
 * Key names that hold secrets, matched at the end of the key (`oauthClientSecret`, `apiToken`,
 * `serviceAccountPassword`), so that `ldapCASecretName`, `tokenValidation` or `keyFile` are not.
 */
const SECRET_KEY = /(password|passwd|passphrase|secret|token|apikey|api_key|privatekey|private_key|secretkey|secretaccesskey|signingkey|psk|clientsecret)$/i;

/**
 * TLS file keys whose value may be the certificate or private key itself (PEM text from a secret
 * store or a variable) rather than a path: compile keeps `{{ env.X }}` there as written.
 */
const SECRET_CONTENT_KEY = /^(keyFile|certFile)$/;

/** `keyFile` or `certFile` when `path` ends at one, else undefined. */
export function secretContentKeyName(path: JsonPath): string | undefined {
  const last = path[path.length - 1];
  return typeof last === 'string' && SECRET_CONTENT_KEY.test(last) ? last : undefined;
}

/** The key that makes the value at `path` a secret (`oauthClientSecret`, `encryption.keys.current`), or undefined. */
export function secretKeyName(path: JsonPath): string | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const grand = path[path.length - 3];
  if (typeof last === 'string' && SECRET_KEY.test(last)) return last;
  if (typeof last === 'number' && parent === 'secrets' && grand === 'credentials') return 'credentials.secrets';
  const keysAt = typeof last === 'number' ? path.length - 3 : path.length - 2;
  const slot = typeof last === 'number' ? parent : last;
  if ((slot === 'current' || slot === 'old') && path[keysAt] === 'keys' && (path[keysAt - 1] === 'encryption' || path[keysAt - 1] === 'hashing')) {
    return `${String(path[keysAt - 1])}.keys.${slot}`;
  }
  return undefined;
}

/** A value written in the file itself, rather than a reference, a template, a URL or a file path. */
export function isLiteralSecret(value: string): boolean {
  return value !== '' && !isDeferredValue(value) && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) && !value.startsWith('/');
}

/**
 * Paths of unquoted numbers where a secret belongs (`password: 123456`): YAML reads them as numbers,
 * so they are not among the parsed strings, yet they are literal secrets all the same.
 */
export function numericSecretPaths(root: unknown): JsonPath[] {
  const out: JsonPath[] = [];
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop() as { node: unknown; path: (string | number)[] };
    if (typeof node === 'number') {
      if (secretKeyName(path)) out.push(path);
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) stack.push({ node: item, path: [...path, key] });
    }
  }
  return out;
}
