import type { Fix } from '../base/diagnostics.js';
import type { ParsedConfig } from '../parse/parse-config.js';
import type { Reference } from './reference-slots.js';
import { onlyCloseMatch } from '../base/did-you-mean.js';
import { replaceValueFix } from '../parse/scalar-fix.js';

/** A misspelt reference becomes the one declared name close to it; with none, or two, nothing is guessed. */
export function referenceFix(parsed: ParsedConfig, ref: Reference, declared: Iterable<string>): Fix | undefined {
  const name = onlyCloseMatch(ref.name, declared);
  return name === undefined ? undefined : replaceValueFix(parsed, ref.path, name);
}
