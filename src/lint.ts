import { dirname, resolve } from 'node:path';
import { toFileResult, type Diagnostic, type FileResult, type JsonPath, type Severity } from './diagnostics.js';
import { parseConfig, type ParsedConfig } from './parse/parse-config.js';
import { readSourceFile } from './parse/read-source.js';
import { rules } from './rules/index.js';
import { formatMessage, type Rule, type RuleContext } from './rules/rule.js';
import { isLiteralSecret, numericSecretPaths, secretKeyName } from './rules/secret-keys.js';
import { obj } from './rules/util.js';
import { validateSchema } from './schema/validate.js';
import { applySuppressions } from './suppressions.js';

export interface LintOptions {
  /** The name the results carry; positions refer to `text` regardless. */
  filePath?: string;
  /**
   * The directory of the file on disk, for the rules that look at files the config names
   * (missing-extension-file). Left out for text and standard input: then no file is looked at.
   */
  configDir?: string;
}

/** The offline pipeline on one text: parse, schema, rules, then inline suppressions. */
export function lintText(text: string, options: LintOptions = {}): FileResult {
  const filePath = options.filePath ?? '<text>';
  const { parsed, diagnostics } = lintParsed(text, options.configDir);
  return finishResult(filePath, parsed, diagnostics);
}

/**
 * The last step of every command: inline suppressions over the whole diagnostic stream (lint's and
 * any later stage's), then a sorted result that carries the redacted source.
 */
export function finishResult(filePath: string, parsed: ParsedConfig, diagnostics: Diagnostic[], ran: ReadonlySet<string> = ruleIds()): FileResult {
  return toFileResult(filePath, redactedSource(parsed), applySuppressions(parsed.text, diagnostics, ran));
}

/**
 * The text with every literal secret masked, character for character so positions still hold.
 * Results carry this text, never the original, so no formatter can print a secret in a code frame.
 */
export function redactedSource(parsed: ParsedConfig): string {
  let text = parsed.text;
  const literal = parsed.strings.filter(({ path, value }) => secretKeyName(path) && isLiteralSecret(value)).map(({ path }) => path);
  const placeholders = parsed.placeholders.filter((path) => secretKeyName(path));
  for (const path of [...literal, ...numericSecretPaths(parsed.value), ...placeholders]) {
    const at = parsed.sourceMap.offsets(path);
    if (!at) continue;
    const [start, end] = at;
    text = text.slice(0, start) + text.slice(start, end).replace(/[^\s]/g, '*') + text.slice(end);
  }
  return text;
}

/** The stages `lint` runs, exposed for `check` and `loadConfig`, which go on from here. */
export function lintParsed(text: string, configDir?: string): { parsed: ParsedConfig; diagnostics: Diagnostic[] } {
  const parsed = parseConfig(text);
  const diagnostics: Diagnostic[] = [];
  // An empty document is reported once, by required-key, not also as a top level of the wrong type.
  const schemaIssues = parsed.fatal || parsed.value === null || parsed.value === undefined ? [] : validateSchema(parsed.value, (path) => parsed.sourceMap.isPlaceholder(path));
  const config = obj(parsed.value);
  for (const rule of rules) {
    if (parsed.fatal && rule.stage !== 'parse') continue;
    runRule(rule, { parsed, config, schemaIssues, configDir }, diagnostics);
  }
  return { parsed, diagnostics };
}

function runRule(rule: Rule, base: Omit<RuleContext, 'report'>, out: Diagnostic[]): void {
  const context: RuleContext = {
    ...base,
    report({ path, target = 'value', messageId, data, severity, range: given, fix }) {
      const template = rule.messages[messageId];
      if (template === undefined) throw new Error(`rule ${rule.id} has no message ${messageId}`);
      const range = given ?? base.parsed.sourceMap.range(path, target);
      out.push({ ruleId: rule.id, severity: severity ?? rule.severity, message: formatMessage(template, data), ...range, path: [...path], ...(fix ? { fix } : {}) });
    },
  };
  rule.check(context);
}

/** Lints files from disk, in the order given. A file that cannot be read (or is not a regular file, or is over 16 MiB) throws. */
export async function lintFiles(paths: readonly string[]): Promise<FileResult[]> {
  return Promise.all(
    paths.map(async (path) => {
      const absolute = resolve(path);
      const text = readSourceFile(absolute, path).toString('utf8');
      return lintText(text, { filePath: absolute, configDir: dirname(absolute) });
    }),
  );
}

/** A diagnostic at the value (or, when missing, the nearest parent key) of `path`: for the stages after the rules. */
export function diagnosticAt(parsed: ParsedConfig, path: JsonPath, ruleId: string, severity: Severity, message: string): Diagnostic {
  return { ruleId, severity, message, ...parsed.sourceMap.range(path), path: [...path] };
}

let ids: ReadonlySet<string> | undefined;
export function ruleIds(): ReadonlySet<string> {
  ids ??= new Set(rules.map((r) => r.id));
  return ids;
}
