import type { Fix, JsonPath, Severity } from '../base/diagnostics.js';
import type { ParsedConfig } from '../parse/parse-config.js';
import type { Range } from '../parse/source-map.js';
import type { SchemaIssue } from '../schema/validate.js';

/** What a rule reports: a path and a message; the engine turns the path into a source range. */
export interface Report {
  path: JsonPath;
  /** A key-level problem points at the key, the rest at the value (the default). */
  target?: 'key' | 'value';
  messageId: string;
  data?: Record<string, string | number>;
  /** Overrides the rule's default severity for this one report. */
  severity?: Severity;
  /** A range found in the raw text (parse problems); otherwise the path decides. */
  range?: Range;
  /** The safe edit that removes this problem, when there is exactly one (src/edit/fixes.ts builds them). */
  fix?: Fix;
}

/**
 * What a rule sees. `config` is the document as plain data (`{}` when the top level is not a
 * mapping); `parsed` gives the raw scalars and positions for the few rules that need source text.
 */
export interface RuleContext {
  readonly config: Readonly<Record<string, unknown>>;
  readonly parsed: ParsedConfig;
  readonly schemaIssues: readonly SchemaIssue[];
  /** The directory of the config file when it was read from disk; absent for text and stdin. */
  readonly configDir?: string;
  report(report: Report): void;
}

/**
 * A rule is data plus one function: its stable id (also its file name, test file and doc page),
 * default severity, a one-line description, messages with `{placeholder}`s, and `check`.
 * `onBrokenYaml` rules (about the text itself) run even on files that are not usable YAML; a rule's
 * stage in the catalogue (lint, check, connect, load) is another thing: the command that reports it.
 */
export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly messages: Readonly<Record<string, string>>;
  readonly onBrokenYaml?: true;
  check(context: RuleContext): void;
}

/**
 * Fills a message's `{placeholder}`s. One left unfilled is a bug in the rule: the test runner sets
 * MAVERICS_CONFIG_STRICT_MESSAGES=1 so that it fails there; a user still gets the message, braces and all.
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (Object.hasOwn(data, name)) return String(data[name]);
    if (process.env.MAVERICS_CONFIG_STRICT_MESSAGES === '1') throw new Error(`message placeholder {${name}} has no value in "${template}"`);
    return whole;
  });
}
