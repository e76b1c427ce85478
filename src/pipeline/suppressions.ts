/**
 * Inline suppression: a filter over the diagnostic stream, after every stage has reported. Rules
 * know nothing about it. A suppressed diagnostic keeps its record (SARIF shows it with the reason)
 * and leaves the counts; a directive that suppresses nothing is itself reported (`unused-disable`).
 *
 *   # maverics-config-disable-next-line <rule-id>[, <rule-id>] -- <reason>
 *   # maverics-config-disable-file <rule-id>[, <rule-id>] -- <reason>     (leading comments only)
 */
import type { Diagnostic } from '../base/diagnostics.js';
import { findComments, type Comment } from '../parse/comments.js';
import { LineIndex } from '../parse/line-index.js';
import { catalogue } from '../rules/catalogue.js';
import { didYouMean } from '../base/did-you-mean.js';

export const UNUSED_DISABLE = 'unused-disable';

/** Never silenced: a file that is not YAML is never "fine", and the directive checker cannot check itself. */
const UNSUPPRESSIBLE = new Set(['yaml-syntax', UNUSED_DISABLE]);

const DIRECTIVE = /^\s*maverics-config-([\w-]*)(.*)$/s;

type Scope = 'next-line' | 'file';

interface Directive {
  scope: Scope | undefined;
  /** As written after `maverics-config-`, for the message about an unknown directive. */
  keyword: string;
  ids: string[];
  justification: string;
  comment: Comment;
  /** The line whose diagnostics a next-line directive silences (1-based); 0 when there is none. */
  target: number;
  /** A file directive below the leading comment block: reported, never applied. */
  misplaced: boolean;
}

/**
 * Marks the diagnostics that directives in `text` silence and appends an `unused-disable` warning for
 * every directive entry that silenced nothing. `known` holds the ids of the rules that ran: a directive
 * naming a catalogue rule that did not run here (a `check` rule during `lint`) is left unjudged.
 */
export function applySuppressions(text: string, diagnostics: Diagnostic[], known: ReadonlySet<string>): Diagnostic[] {
  // The common case, and the fast one: no directive anywhere, so no second parse.
  if (!text.includes('maverics-config-')) return diagnostics;
  const lines = new LineIndex(text);
  const directives = findComments(text)
    .map((comment) => readDirective(comment, text, lines))
    .filter((d): d is Directive => d !== undefined);
  if (!directives.length) return diagnostics;

  const used = new Set<string>();
  const out = diagnostics.map((d) => {
    if (UNSUPPRESSIBLE.has(d.ruleId)) return d;
    let suppression: Diagnostic['suppression'];
    directives.forEach((directive, index) => {
      if (!applies(directive, d)) return;
      used.add(`${index}:${d.ruleId}`);
      suppression ??= { justification: directive.justification };
    });
    return suppression ? { ...d, suppression } : d;
  });

  // On a file that is not YAML the rules did not run, so every directive would look unused: say nothing.
  if (diagnostics.some((d) => d.ruleId === 'yaml-syntax' && d.severity === 'error')) return out;
  const everyId = new Set(catalogue().map((r) => r.id));
  directives.forEach((directive, index) => {
    for (const problem of problems(directive, index, used, known, everyId)) out.push(unused(directive, lines, problem));
  });
  return out;
}

function applies(directive: Directive, d: Diagnostic): boolean {
  if (!directive.scope || directive.misplaced || !directive.ids.includes(d.ruleId)) return false;
  return directive.scope === 'file' || d.line === directive.target;
}

/** What is wrong with one directive, one message per unused or unknown entry. */
function problems(directive: Directive, index: number, used: ReadonlySet<string>, known: ReadonlySet<string>, everyId: ReadonlySet<string>): string[] {
  if (!directive.scope) {
    return [`"maverics-config-${directive.keyword}" is not a directive; use maverics-config-disable-next-line or maverics-config-disable-file`];
  }
  const name = `maverics-config-disable-${directive.scope}`;
  if (!directive.ids.length) return [`${name} names no rule; list the rule ids to disable, then "-- " and the reason`];
  if (directive.misplaced) {
    return [`${name} works only in the comments at the top of the file, before the first key; move it there or use maverics-config-disable-next-line`];
  }
  const out: string[] = [];
  for (const id of directive.ids) {
    if (used.has(`${index}:${id}`)) continue;
    if (UNSUPPRESSIBLE.has(id)) {
      out.push(`"${id}" cannot be disabled; fix the problem instead`);
    } else if (!everyId.has(id)) {
      const close = didYouMean(id, everyId);
      out.push(`unknown rule "${id}"${close ? `; did you mean "${close}"?` : '; run maverics-config rules for the list'}`);
    } else if (!known.has(id)) {
      // A rule of a later stage (`check`, `--connect`): only that command can tell whether it is used.
      continue;
    } else if (directive.scope === 'file') {
      out.push(`"${id}" is disabled for this file but reports nothing in it; remove it from the directive`);
    } else {
      const where = directive.target ? `on line ${directive.target}` : 'below this comment';
      out.push(`"${id}" is disabled for the next line but reports nothing ${where}; remove it from the directive`);
    }
  }
  return out;
}

function unused(directive: Directive, lines: LineIndex, message: string): Diagnostic {
  const start = position(lines, directive.comment.offset);
  const end = position(lines, directive.comment.end);
  return { ruleId: UNUSED_DISABLE, severity: 'warning', message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, path: [] };
}

function readDirective(comment: Comment, text: string, lines: LineIndex): Directive | undefined {
  const match = DIRECTIVE.exec(comment.body);
  if (!match) return undefined;
  const keyword = match[1] ?? '';
  const rest = match[2] ?? '';
  const scope: Scope | undefined = keyword === 'disable-next-line' ? 'next-line' : keyword === 'disable-file' ? 'file' : undefined;
  // The reason follows the first free-standing `--`; rule ids never contain spaces.
  const separator = /(^|\s)--(\s|$)/.exec(rest);
  const idText = separator ? rest.slice(0, separator.index) : rest;
  const justification = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
  const ids = idText.split(/[\s,]+/).filter(Boolean);
  const line = position(lines, comment.offset).line;
  return {
    scope,
    keyword,
    ids,
    justification,
    comment,
    target: scope === 'next-line' ? nextContentLine(text, lines, line) : 0,
    misplaced: scope === 'file' && !inLeadingBlock(text, lines, line),
  };
}

/**
 * The line a next-line directive silences: the next one that holds something other than blanks and
 * comments, so that directives can be stacked and a blank line does not break the link.
 */
function nextContentLine(text: string, lines: LineIndex, line: number): number {
  for (let n = line + 1; n <= lines.lineCount; n++) {
    if (!isBlankOrComment(lineText(text, lines, n))) return n;
  }
  return 0;
}

/** Whether every line above `line` is blank, a whole-line comment or a document marker. */
function inLeadingBlock(text: string, lines: LineIndex, line: number): boolean {
  if (!isBlankOrComment(lineText(text, lines, line))) return false;
  for (let n = 1; n < line; n++) {
    const content = lineText(text, lines, n);
    if (!isBlankOrComment(content) && !/^(---|%YAML\b|%TAG\b)/.test(content)) return false;
  }
  return true;
}

function isBlankOrComment(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

function lineText(text: string, lines: LineIndex, line: number): string {
  const start = lines.lineStart(line) ?? text.length;
  const next = lines.lineStart(line + 1);
  return text.slice(start, next === undefined ? text.length : next - 1).replace(/\r$/, '');
}

/** 1-based line and column of an offset. */
function position(lines: LineIndex, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
