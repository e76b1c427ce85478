/**
 * An ESLint-RuleTester-like helper over the real `lintText` (no mocks): each snippet runs through
 * the whole offline pipeline (parse, schema, every rule) and only the diagnostics of the rule under
 * test are compared: exact count, positions and severity, and the message when a pattern is given.
 *
 * Every message of every diagnostic (of any rule) is also checked against the canary secrets below,
 * so that a test which writes a canary into a secret field fails when any message repeats it.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Diagnostic, Severity } from '../../src/base/diagnostics.js';
import { lintText } from '../../src/pipeline/lint.js';
import { rules } from '../../src/rules/index.js';

/** Literal secrets that tests write into passwords and keys; no message may ever contain them. */
export const CANARY = 'CANARY-5ecret-VALUE';
/** 63 characters, neither hex nor a reference: a bad key whose message must not quote it. */
export const CANARY_KEY_63 = `${CANARY}-${CANARY}-${CANARY}-CAN`;
/** Fragments that betray a canary even when a message quotes only part of it. */
const CANARY_FRAGMENTS = ['CANARY', '5ecret', 'c4n4ry'];

export interface ExpectedError {
  /** 1-based start; endLine/endColumn are compared when given. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Defaults to the rule's own severity: a case that expects the other one must say so. */
  severity?: Severity;
  message?: RegExp;
}

export type ValidCase = string | { code: string; name?: string };

export interface InvalidCase {
  code: string;
  errors: ExpectedError[];
  name?: string;
}

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/** Lints `code` and returns every diagnostic (all rules), sorted as the linter sorts them. */
export function lint(code: string): Diagnostic[] {
  return lintText(code, { filePath: 'maverics.yaml' }).diagnostics;
}

/** The diagnostics of one rule only. */
export function lintRule(ruleId: string, code: string): Diagnostic[] {
  return lint(code).filter((d) => d.ruleId === ruleId);
}

/** Fails when any message of any rule carries a canary secret. */
export function assertNoCanary(diagnostics: readonly Diagnostic[], label: string): void {
  for (const d of diagnostics) {
    for (const fragment of CANARY_FRAGMENTS) {
      if (d.message.includes(fragment)) {
        assert.unreachable(`${label}: ${d.ruleId} at ${d.line}:${d.column} repeats a secret value in its message: ${d.message}`);
      }
    }
  }
}

function show(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.length
    ? diagnostics.map((d) => `  ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.ruleId}: ${d.message}`).join('\n')
    : '  (none)';
}

function label(kind: string, index: number, name: string | undefined, code: string): string {
  const first = code.split('\n').find((l) => l.trim() && !l.startsWith('version:')) ?? code;
  return `${kind}[${index}] ${name ?? first.trim().slice(0, 60)}`;
}

function defaultSeverity(ruleId: string): Severity {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no offline rule with id ${ruleId}`);
  return rule.severity;
}

/** Compares the diagnostics of one rule on one snippet with what is expected; throws on a mismatch. */
export function checkInvalid(ruleId: string, item: InvalidCase, title: string): void {
  const all = lint(item.code);
  assertNoCanary(all, title);
  const got = all.filter((d) => d.ruleId === ruleId);
  const context = `${title}\nexpected ${item.errors.length} ${ruleId} diagnostic(s), got:\n${show(got)}\nall diagnostics:\n${show(all)}`;
  assert.is(got.length, item.errors.length, context);
  item.errors.forEach((want, i) => {
    const d = got[i] as Diagnostic;
    const where = `${context}\n(diagnostic #${i + 1})`;
    assert.is(`${d.line}:${d.column}`, `${want.line}:${want.column}`, `start of ${where}`);
    if (want.endLine !== undefined) assert.is(d.endLine, want.endLine, `endLine of ${where}`);
    if (want.endColumn !== undefined) assert.is(d.endColumn, want.endColumn, `endColumn of ${where}`);
    // Severity is always compared: the one given, else the rule's default severity.
    assert.is(d.severity, want.severity ?? defaultSeverity(ruleId), `severity of ${where}`);
    if (want.message !== undefined) assert.match(d.message, want.message, `message of ${where}`);
  });
}

/** Asserts that a snippet gives no diagnostic of the rule (and no message carries a canary). */
export function checkValid(ruleId: string, code: string, title: string): void {
  const all = lint(code);
  assertNoCanary(all, title);
  const got = all.filter((d) => d.ruleId === ruleId);
  assert.is(got.length, 0, `${title}\nexpected no ${ruleId} diagnostic, got:\n${show(got)}`);
}

/**
 * Registers one uvu test per case for `ruleId` in a suite of that name and runs it. Valid cases must give no diagnostic of
 * the rule; invalid cases exactly the listed ones, in the linter's order (line, column).
 */
export function testRule(ruleId: string, tests: RuleTests): void {
  if (!rules.some((r) => r.id === ruleId)) throw new Error(`testRule: no offline rule with id ${ruleId}`);
  if (!tests.valid.length || !tests.invalid.length) throw new Error(`testRule(${ruleId}): give at least one valid and one invalid case`);
  const test = suite(ruleId);
  tests.valid.forEach((item, i) => {
    const { code, name } = typeof item === 'string' ? { code: item, name: undefined } : item;
    const title = label('valid', i, name, code);
    test(title, () => checkValid(ruleId, code, title));
  });
  tests.invalid.forEach((item, i) => {
    if (!item.errors.length) throw new Error(`testRule(${ruleId}): invalid[${i}] lists no errors; make it a valid case`);
    const title = label('invalid', i, item.name, item.code);
    test(title, () => checkInvalid(ruleId, item, title));
  });
  test.run();
}
