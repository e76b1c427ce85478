/**
 * One YAML document read with the failsafe schema (every scalar is the text written: `0123` stays
 * `0123`, `true` stays `true`), for data files such as the development secret file. A syntax error
 * is reported by position only: YAML's own message quotes the offending line, which may be a secret.
 */
import { parse } from 'yaml';

export type FailsafeResult = { ok: true; value: unknown } | { ok: false; line?: number; column?: number };

export function parseFailsafeYaml(text: string): FailsafeResult {
  try {
    return { ok: true, value: parse(text.replace(/^\uFEFF/, ''), { schema: 'failsafe' }) as unknown };
  } catch (error) {
    const pos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return pos ? { ok: false, line: pos.line, column: pos.col } : { ok: false };
  }
}
