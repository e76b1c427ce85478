/**
 * The fixes rules report, as exact source replacements: only the characters of one key or one
 * scalar change, so comments, quoting style and layout everywhere else stay byte for byte.
 */
import type { Fix, JsonPath } from '../base/diagnostics.js';
import type { ParsedConfig } from './parse-config.js';

/** Replaces the scalar value at `path` with `value`, in the quoting style it was written in. */
export function replaceValueFix(parsed: ParsedConfig, path: JsonPath, value: string): Fix | undefined {
  return replaceAt(parsed, path, 'value', value);
}

/** Renames the key at `path`; refused when the mapping already has the new key (that would be a duplicate). */
export function renameKeyFix(parsed: ParsedConfig, path: JsonPath, key: string): Fix | undefined {
  if (parsed.sourceMap.has([...path.slice(0, -1), key])) return undefined;
  return replaceAt(parsed, path, 'key', key);
}

function replaceAt(parsed: ParsedConfig, path: JsonPath, target: 'key' | 'value', value: string): Fix | undefined {
  const at = parsed.sourceMap.offsets(path, target);
  if (!at) return undefined;
  const written = parsed.text.slice(at[0], at[1]);
  // A block scalar, a multi-line or a collection value is not a name: no automatic edit there.
  if (written.includes('\n') || /^[|>[{&*!]/.test(written)) return undefined;
  return { range: at, text: scalarText(written, value) };
}

/**
 * `value` written as YAML in the style of `written`: kept in its quotes when it was quoted, plain
 * when plain YAML reads it back as the same string, double-quoted otherwise (`1.2`, `true`, `[::1]:1`).
 */
export function scalarText(written: string, value: string): string {
  if (written.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (written.startsWith('"') || !readsAsPlainString(value)) return JSON.stringify(value);
  return value;
}

function readsAsPlainString(value: string): boolean {
  if (!/^[A-Za-z_/][A-Za-z0-9_./:@-]*$/.test(value)) return false;
  if (/:$|:\s/.test(value)) return false;
  // YAML 1.1 and 1.2 booleans and nulls, which a plain scalar would turn into.
  return !/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(value);
}

/**
 * Moves `key: value` at `path` one level down, on the same line: `cookieDomain: x` becomes
 * `cookie: { domain: x }`. Refused when the new parent key already exists (merging maps is not a
 * one-line edit), or when the value is not a one-line scalar on the key's line.
 */
export function nestKeyFix(parsed: ParsedConfig, path: JsonPath, parent: string, key: string, value: (written: string) => string | undefined): Fix | undefined {
  if (parsed.sourceMap.has([...path.slice(0, -1), parent])) return undefined;
  const keyAt = parsed.sourceMap.offsets(path, 'key');
  const valueAt = parsed.sourceMap.offsets(path);
  if (!keyAt || !valueAt) return undefined;
  const between = parsed.text.slice(keyAt[1], valueAt[0]);
  const written = parsed.text.slice(valueAt[0], valueAt[1]);
  if (!/^[ \t]*:[ \t]+$/.test(between) || written.includes('\n') || /^[|>[{&*!]/.test(written)) return undefined;
  const text = value(written);
  return text === undefined ? undefined : { range: [keyAt[0], valueAt[1]], text: `${parent}: { ${key}: ${text} }` };
}
