/** The one record every stage reports: parse, schema, rules, secrets, connectivity. */

export type Severity = 'error' | 'warning';

/** A JSON path into the parsed configuration: map keys and sequence indexes. */
export type JsonPath = readonly (string | number)[];

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based, in the source file. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Where in the configuration the problem is; empty for the document itself. */
  path: JsonPath;
  /** Set by suppression: why a diagnostic was silenced (it is then dropped from counts). */
  suppression?: { justification: string };
  /** A safe edit that removes the problem (`lint --fix`, the editor's quick fix). */
  fix?: Fix;
}

/**
 * One replacement in the source, as ESLint's: `[start, end)` offsets into the text (UTF-16 code
 * units, as JavaScript indexes strings) and what goes there. A fix never carries a secret's value.
 */
export interface Fix {
  range: readonly [number, number];
  text: string;
}

export interface FileResult {
  /** As given by the caller (absolute for files, `<stdin>` or --stdin-filename for standard input). */
  filePath: string;
  /** The source text, kept so that formatters can draw code frames. */
  source: string;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareStrings(a.message, b.message)
  );
}

/** Code-unit order, not locale order: the same bytes on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted (line, column, rule id) and without exact repeats, so output is byte-stable. */
export function sortAndDedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const out: Diagnostic[] = [];
  for (const d of sorted) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.ruleId === d.ruleId &&
      prev.line === d.line &&
      prev.column === d.column &&
      prev.endLine === d.endLine &&
      prev.endColumn === d.endColumn &&
      prev.message === d.message
    ) {
      continue;
    }
    out.push(d);
  }
  return out;
}

export function toFileResult(filePath: string, source: string, diagnostics: readonly Diagnostic[]): FileResult {
  const sorted = sortAndDedupe(diagnostics);
  let errorCount = 0;
  let warningCount = 0;
  for (const d of sorted) {
    if (d.suppression) continue;
    if (d.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { filePath, source, diagnostics: sorted, errorCount, warningCount };
}

/** Renders a JSON path the way a person reads it: `caches[0].redis.addresses[1]`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(top level)';
}
