import type { Diagnostic, FileResult } from '../base/diagnostics.js';
import type { Formatter } from './formatter.js';

/** ESLint's JSON formatter shape, so tools that read ESLint results read ours. */
export const json: Formatter = (results) => `${JSON.stringify(eslintResults(results))}\n`;

/**
 * ESLint's `LintResult` for each file, with every property ESLint always sets: `suppressedMessages`
 * and `usedDeprecatedRules` are empty arrays rather than missing, as readers index into them.
 */
export function eslintResults(results: readonly FileResult[]) {
  return results.map((r) => {
    const messages = r.diagnostics.filter((d) => !d.suppression).map(message);
    const suppressed = r.diagnostics.filter((d) => d.suppression);
    const fixable = r.diagnostics.filter((d) => d.fix && !d.suppression);
    return {
      filePath: r.filePath,
      messages,
      suppressedMessages: suppressed.map((d) => ({ ...message(d), suppressions: [{ kind: 'directive', justification: d.suppression?.justification ?? '' }] })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      fixableErrorCount: fixable.filter((d) => d.severity === 'error').length,
      fixableWarningCount: fixable.filter((d) => d.severity === 'warning').length,
      // No rule of ours is deprecated; ESLint lists `{ ruleId, replacedBy }` here.
      usedDeprecatedRules: [],
    };
  });
}

function message(d: Diagnostic) {
  return {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    path: [...d.path],
    // ESLint's shape: offsets into the source and the replacement (a fix never holds a secret).
    ...(d.fix ? { fix: { range: [...d.fix.range], text: d.fix.text } } : {}),
    ...(d.ruleId === 'yaml-syntax' && d.severity === 'error' ? { fatal: true } : {}),
  };
}
