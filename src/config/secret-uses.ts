import type { ScalarEntry } from '../parse/parse-config.js';
import { secretReferenceName } from './secret-references.js';

export interface SecretUse {
  /** The name without angle brackets, e.g. `vault.redis_password`. */
  reference: string;
  /** JSON path of the value that holds the reference. */
  path: (string | number)[];
}

/** Every value of the file that is wholly a `<reference>`, with where it is. */
export function secretUses(strings: readonly ScalarEntry[]): SecretUse[] {
  const uses: SecretUse[] = [];
  for (const { path, value } of strings) {
    const reference = secretReferenceName(value);
    if (reference !== undefined) uses.push({ reference, path });
  }
  return uses;
}
