/** Our diagnostics as LSP's: 0-based positions in UTF-16 code units (our columns already count those). */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, FileResult } from '../base/diagnostics.js';
import { ruleDocUrl } from '../formatters/rule-help.js';

export const SOURCE = 'maverics-config';

export function toLspDiagnostics(result: FileResult, shift: number): LspDiagnostic[] {
  // A suppressed finding is not shown, as in the CLI's default output.
  return result.diagnostics.filter((d) => !d.suppression).map((d) => toLspDiagnostic(d, shift));
}

/** `shift`: 1 when the document starts with a byte-order mark, which our columns do not count. */
export function toLspDiagnostic(d: Diagnostic, shift: number): LspDiagnostic {
  const onFirstLine = (line: number) => (line === 1 ? shift : 0);
  return {
    range: {
      start: { line: d.line - 1, character: d.column - 1 + onFirstLine(d.line) },
      end: { line: d.endLine - 1, character: d.endColumn - 1 + onFirstLine(d.endLine) },
    },
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.ruleId,
    codeDescription: { href: ruleDocUrl(d.ruleId) },
    source: SOURCE,
    message: d.message,
  };
}
