import type { Diagnostic } from './diagnostics.js';

/** Placeholder until inline suppressions land: every diagnostic passes through unchanged. */
export function applySuppressions(_text: string, diagnostics: Diagnostic[], _known: ReadonlySet<string>): Diagnostic[] {
  return diagnostics;
}
