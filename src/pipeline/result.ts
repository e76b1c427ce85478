/**
 * What every stage after parsing shares: placing a diagnostic by path, and finishing a result
 * (suppressions, sorting, the redacted source). lint, check, compile, connect and loadConfig all end here.
 */
import { toFileResult, type Diagnostic, type FileResult, type JsonPath, type Severity } from '../base/diagnostics.js';
import type { SecretValue } from '../base/secret-value.js';
import { isLiteralSecret, numericSecretPaths, secretKeyName } from '../config/secret-keys.js';
import type { Env } from '../config/secret-references.js';
import { isRedisAddressPath, mayHoldCredentials } from '../config/redis-address.js';
import type { ParsedConfig } from '../parse/parse-config.js';
import { rules } from '../rules/index.js';
import { applySuppressions } from './suppressions.js';

/** What `check` and `loadConfig` share: lint, env substitution, secret resolution, resolved values. */
export interface CheckedConfig {
  parsed: ParsedConfig;
  diagnostics: Diagnostic[];
  /** The compiled config (references kept); undefined when the file is not usable YAML. */
  config: Record<string, unknown> | undefined;
  secrets: Map<string, SecretValue>;
  /** The variables `{{ env.X }}` read: what compile left as templates at secret keys is filled from here. */
  env: Env;
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
  // A Redis address written as a URL may carry a password (`redis://u:pw@h:1`, `h:1?password=pw`).
  const addresses = parsed.strings.filter(({ path, value }) => isRedisAddressPath(path) && mayHoldCredentials(value)).map(({ path }) => path);
  for (const path of [...literal, ...numericSecretPaths(parsed.value), ...placeholders, ...addresses]) {
    const at = parsed.sourceMap.offsets(path);
    if (!at) continue;
    const [start, end] = at;
    text = text.slice(0, start) + text.slice(start, end).replace(/[^\s]/g, '*') + text.slice(end);
  }
  return text;
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
