import { isAlias, isCollection, isMap, isScalar, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import { duplicateKeyOffsets } from './duplicate-keys.js';
import { LineIndex } from './line-index.js';
import { isPlaceholderNode, SourceMap, type Range } from './source-map.js';

/** Deeper than this, later stages (which recurse) are not run: no real config nests past a dozen. */
export const MAX_DEPTH = 500;
/** How many aliases may expand before the file is treated as an expansion bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 1000;

export type ParseProblemKind = 'yaml-syntax' | 'duplicate-key';

export interface ParseProblem {
  kind: ParseProblemKind;
  severity: 'error' | 'warning';
  message: string;
  range: Range;
}

/** A string scalar of the file with where it sits, for rules that scan every value. */
export interface ScalarEntry {
  path: (string | number)[];
  value: string;
}

export interface ParsedConfig {
  /** The text the positions refer to (a leading byte-order mark removed). */
  text: string;
  /** The document as plain data; null for an empty document or when parsing failed. */
  value: unknown;
  sourceMap: SourceMap;
  problems: ParseProblem[];
  /** True when the file is not usable YAML: schema and rules are not run on it. */
  fatal: boolean;
  /** Every string value (not keys) with its JSON path, in document order. */
  strings: ScalarEntry[];
  /** Paths of `{ PLACEHOLDER }` flow mappings. */
  placeholders: (string | number)[][];
}

export function parseConfig(input: string): ParsedConfig {
  // Editors do not count a byte-order mark as a column; neither do we.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (looksUtf16(text)) return utf16Config(text);
  // prettyErrors is off: its messages quote the offending source line, which may hold a secret.
  // merge: Go's yaml decoder (the Orchestrator's) honours `<<: *anchor` merge keys, so they are read here too.
  // uniqueKeys is off: yaml's check is quadratic in a mapping's size; duplicateKeyOffsets does it in one pass.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, merge: true });
  const sourceMap = new SourceMap(doc, new LineIndex(text), text);
  const problems: ParseProblem[] = [];
  problems.push(...syntaxProblems(doc.errors, sourceMap));
  for (const warning of doc.warnings) problems.push(toProblem(warning, 'warning', sourceMap));
  for (const offset of duplicateKeyOffsets(doc)) problems.push(duplicateKeyProblem(sourceMap, text, offset));
  // yaml reports its own stack overflow once per nesting level it unwinds; one is enough.
  const overflow = problems.findIndex((p) => p.message === TOO_DEEP);
  if (overflow !== -1) problems.splice(0, problems.length, ...problems.filter((p, i) => p.message !== TOO_DEEP || i === overflow));

  const parsed: ParsedConfig = { text, value: null, sourceMap, problems, fatal: false, strings: [], placeholders: [] };
  if (problems.some((p) => p.kind === 'yaml-syntax' && p.severity === 'error')) {
    parsed.fatal = true;
    return parsed;
  }

  const shape = inspectTree(doc);
  if (shape.tooDeep) {
    problems.push({
      kind: 'yaml-syntax',
      severity: 'error',
      message: `the document nests deeper than ${MAX_DEPTH} levels; a maverics.yaml needs a dozen at most`,
      range: sourceMap.offsetRange(shape.tooDeep, shape.tooDeep + 1),
    });
    parsed.fatal = true;
    return parsed;
  }
  parsed.strings = shape.strings;
  parsed.placeholders = shape.placeholders;

  try {
    parsed.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const firstAlias = shape.firstAlias ?? 0;
    const exhausted = error instanceof Error && /resource exhaustion/i.test(error.message);
    problems.push({
      kind: 'yaml-syntax',
      severity: 'error',
      message: exhausted
        ? 'aliases expand to far more data than a configuration holds (an alias "bomb"); write the values out or use fewer nested aliases'
        : error instanceof Error && /unresolved alias/i.test(error.message)
          ? // yaml's message names the alias, which is the value's own text (a password may start with `*`).
            'an alias (`*name`) names no anchor (`&name`) above it; quote the value if the `*` is part of it'
          : `the document cannot be read: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      range: sourceMap.offsetRange(firstAlias, firstAlias + 1),
    });
    parsed.fatal = true;
  }
  return parsed;
}

/**
 * yaml reports some single mistakes under two codes at the same offset (a mis-indented line after
 * `version: 0.3` is both BLOCK_AS_IMPLICIT_KEY and MULTILINE_IMPLICIT_KEY), which our wording maps
 * to one message: one problem per offset and message, covering the wider of the ranges.
 */
function syntaxProblems(errors: readonly YAMLError[], sourceMap: SourceMap): ParseProblem[] {
  const byStart = new Map<string, ParseProblem>();
  for (const error of errors) {
    const problem = toProblem(error, 'error', sourceMap);
    const key = `${error.pos[0]}\0${problem.message}`;
    const same = byStart.get(key);
    if (same === undefined) byStart.set(key, problem);
    else if (problem.range.endLine > same.range.endLine || (problem.range.endLine === same.range.endLine && problem.range.endColumn > same.range.endColumn)) same.range = problem.range;
  }
  return [...byStart.values()];
}

function duplicateKeyProblem(sourceMap: SourceMap, text: string, start: number): ParseProblem {
  return { kind: 'duplicate-key', severity: 'error', message: 'duplicate key: this mapping already has this key above; remove one of them', range: keyRange(sourceMap, text, start) };
}

/**
 * UTF-16 bytes read as UTF-8: its byte-order mark becomes two U+FFFD, and every ASCII character
 * comes with a NUL. yaml would call that "not a single value"; the fix is the encoding.
 */
function looksUtf16(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- a NUL is what UTF-16 leaves in ASCII text
  return text.startsWith('\uFFFD\uFFFD') || /^[^\n]?\u0000/.test(text);
}

function utf16Config(text: string): ParsedConfig {
  const sourceMap = new SourceMap(parseDocument(''), new LineIndex(text), text);
  const problem: ParseProblem = {
    kind: 'yaml-syntax',
    severity: 'error',
    message: 'the file is UTF-16 encoded; save it as UTF-8 (without a byte-order mark), the encoding the Orchestrator reads',
    range: sourceMap.offsetRange(0, 1),
  };
  return { text, value: null, sourceMap, problems: [problem], fatal: true, strings: [], placeholders: [] };
}

function toProblem(error: YAMLError, severity: 'error' | 'warning', sourceMap: SourceMap): ParseProblem {
  const [start, end] = error.pos;
  return { kind: 'yaml-syntax', severity, message: syntaxMessage(error), range: sourceMap.offsetRange(start, Math.max(end, start + 1)) };
}

/** yaml reports a duplicate at the key's first character; cover the key itself (quoted or plain, up to its `:`). */
function keyRange(sourceMap: SourceMap, text: string, start: number): Range {
  const key = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\n]*?(?=\s*:(?:\s|$)))/.exec(text.slice(start, start + 1100))?.[0] ?? '';
  return sourceMap.offsetRange(start, Math.max(start + key.length, start + 1));
}

/**
 * Our own words for yaml's error codes: what is wrong and what would be right. yaml's messages are
 * used only as a fallback, cut to their first line, because some of them quote source text.
 */
const TOO_DEEP = 'the document nests too deeply to be read (thousands of levels); a maverics.yaml needs a dozen at most';

function syntaxMessage(error: YAMLError): string {
  if (/maximum call stack/i.test(error.message)) return TOO_DEEP;
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    case 'BAD_INDENT':
      return 'bad indentation: this line is not aligned with its siblings';
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a `---` separator); a maverics.yaml is one document';
    case 'MISSING_CHAR':
      return `${firstLine(error.message)}; close what was opened (a quote, bracket or brace)`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line; is a `:` missing on the line above, or a value mis-indented?';
    case 'KEY_OVER_1024_CHARS':
      return 'a key longer than 1024 characters; is a `:` missing?';
    case 'BAD_DQ_ESCAPE':
      return 'an invalid escape sequence in a double-quoted string; use single quotes or escape the backslash (\\\\)';
    case 'TAG_RESOLVE_FAILED':
      // yaml's message names the tag, which is the value's own text (a password may start with `!`).
      return 'a value that starts with `!` is read as a YAML tag this file cannot resolve; quote the value if the `!` is part of it';
    case 'BAD_ALIAS':
      return `${firstLine(error.message)}; an alias (*name) must follow its anchor (&name)`;
    default:
      return firstLine(error.message);
  }
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

interface TreeShape {
  /** Offset of the first node past MAX_DEPTH, or 0. */
  tooDeep: number;
  firstAlias: number | undefined;
  strings: ScalarEntry[];
  placeholders: (string | number)[][];
}

/**
 * One iterative pass over the tree (recursion would overflow the stack on a hostile file):
 * depth check, string values with their paths, placeholders, first alias.
 */
function inspectTree(doc: Document): TreeShape {
  const shape: TreeShape = { tooDeep: 0, firstAlias: undefined, strings: [], placeholders: [] };
  const root = doc.contents as Node | null;
  if (!root) return shape;
  const stack: { node: Node; path: (string | number)[] }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop() as { node: Node; path: (string | number)[] };
    if (path.length > MAX_DEPTH) {
      shape.tooDeep = node.range?.[0] ?? 0;
      return shape;
    }
    if (isAlias(node)) {
      const at = node.range?.[0] ?? 0;
      if (shape.firstAlias === undefined || at < shape.firstAlias) shape.firstAlias = at;
      continue;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string') shape.strings.push({ path, value: node.value });
      continue;
    }
    if (!isCollection(node)) continue;
    if (isPlaceholderNode(node)) {
      shape.placeholders.push(path);
      continue;
    }
    const items = node.items;
    // Pushed in reverse so that entries come out in document order.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (isMap(node)) {
        const pair = item as { key: unknown; value: unknown };
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (pair.value) stack.push({ node: pair.value as Node, path: [...path, key] });
      } else if (item) {
        stack.push({ node: item as Node, path: [...path, i] });
      }
    }
  }
  return shape;
}

