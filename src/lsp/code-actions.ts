/**
 * Quick fixes: every fix a rule reports (the same `lint --fix` applies), and for a literal secret,
 * replacing it with a secret reference. The literal goes nowhere: the edit holds only the reference.
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../base/diagnostics.js';
import { referenceSuggestion } from '../rules/plaintext-secret.js';
import type { Analysis } from './analysis.js';
import { SOURCE, toLspDiagnostic } from './diagnostics.js';

export function codeActions(document: TextDocument, analysis: Analysis, asked: readonly LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of analysis.result.diagnostics) {
    if (d.suppression) continue;
    const lsp = toLspDiagnostic(d, analysis.shift);
    const match = asked.find((a) => a.source === SOURCE && a.code === d.ruleId && sameRange(a.range, lsp.range));
    if (!match) continue;
    if (d.fix) actions.push(quickFix(document, fixTitle(d, d.fix.text), match, d.fix.range, d.fix.text, analysis.shift, true));
    const secret = d.ruleId === 'plaintext-secret' ? secretToReference(analysis, d) : undefined;
    if (secret) actions.push(quickFix(document, `Move this literal secret to a reference: ${secret.text.trim()}`, match, secret.range, secret.text, analysis.shift, false));
  }
  return actions;
}

function fixTitle(d: Diagnostic, text: string): string {
  return `Fix ${d.ruleId}: write ${text}`;
}

function secretToReference(analysis: Analysis, d: Diagnostic): { range: readonly [number, number]; text: string } | undefined {
  const at = analysis.parsed.sourceMap.offsets(d.path);
  if (!at) return undefined;
  const written = analysis.parsed.text.slice(at[0], at[1]);
  const reference = `<${referenceSuggestion(d.path)}>`;
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : '';
  // A block scalar's range runs to the end of its last line: keep that line break.
  return { range: at, text: `${quote}${reference}${quote}${/^[|>]/.test(written) && written.endsWith('\n') ? '\n' : ''}` };
}

function quickFix(document: TextDocument, title: string, diagnostic: LspDiagnostic, [start, end]: readonly [number, number], newText: string, shift: number, preferred: boolean): CodeAction {
  const range = { start: document.positionAt(start + shift), end: document.positionAt(end + shift) };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [document.uri]: [{ range, newText }] } } };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
