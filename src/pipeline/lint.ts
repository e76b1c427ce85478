import { dirname, resolve } from 'node:path';
import type { Diagnostic, FileResult } from '../base/diagnostics.js';
import { parseConfig, type ParsedConfig } from '../parse/parse-config.js';
import { readSourceFile } from '../parse/read-source.js';
import { rules } from '../rules/index.js';
import { formatMessage, type Rule, type RuleContext } from '../rules/rule.js';
import { obj } from '../config/accessors.js';
import { validateSchema } from '../schema/validate.js';
import { finishResult } from './result.js';

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

/** The stages `lint` runs, exposed for `check` and `loadConfig`, which go on from here. */
export function lintParsed(text: string, configDir?: string): { parsed: ParsedConfig; diagnostics: Diagnostic[] } {
  const parsed = parseConfig(text);
  const diagnostics: Diagnostic[] = [];
  // An empty document is reported once, by required-key, not also as a top level of the wrong type.
  const schemaIssues = parsed.fatal || parsed.value === null || parsed.value === undefined ? [] : validateSchema(parsed.value, (path) => parsed.sourceMap.isPlaceholder(path));
  const config = obj(parsed.value);
  for (const rule of rules) {
    if (parsed.fatal && !rule.onBrokenYaml) continue;
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
