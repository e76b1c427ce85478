import type { ScalarEntry } from '../parse/parse-config.js';
import { secretReferenceName } from './secret-references.js';
import type { SecretUse } from '../secrets/resolver.js';

/** Every value of the file that is wholly a `<reference>`, with where it is. */
export function secretUses(strings: readonly ScalarEntry[]): SecretUse[] {
  const uses: SecretUse[] = [];
  for (const { path, value } of strings) {
    const reference = secretReferenceName(value);
    if (reference !== undefined) uses.push({ reference, path });
  }
  return uses;
}
