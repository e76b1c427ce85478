import type { Diagnostic, JsonPath } from '../base/diagnostics.js';
import { diagnosticAt } from './result.js';
import type { ParsedConfig } from '../parse/parse-config.js';
import { secretContentKeyName, secretKeyName } from '../config/secret-keys.js';
import { envTemplates, ownVariables, substituteEnv, type Env } from '../config/secret-references.js';

/**
 * The normalised config, as a bundle would carry it: `{{ env.NAME }}` substituted, secret
 * references kept as `<name>`, and the scalars that YAML misreads (`version: 0.3`,
 * `minVersion: 1.0`) as written. Env templates at secret-bearing keys (and at keyFile/certFile,
 * which may hold PEM text) are left as templates, as is any substitution that looks like a secret
 * (PEM, a URL with credentials, a password in a query string): compiled output must never carry one.
 */
export function compileConfig(parsed: ParsedConfig, given: Env): { config: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const env = ownVariables(given);
  const reportUnset = (path: JsonPath, name: string): void => {
    const message = `{{ env.${name} }} names an unset environment variable; it would become an empty string. Set ${name}, or give it in --env-file`;
    diagnostics.push(diagnosticAt(parsed, path, 'unset-env-var', 'warning', message));
  };
  const config = transform(parsed.value, [], (value, path) => {
    if (!value.includes('{{') || !envTemplates(value).length) return value;
    if (secretKeyName(path) || secretContentKeyName(path)) {
      for (const t of envTemplates(value)) if (env[t.name] === undefined) reportUnset(path, t.name);
      return value;
    }
    const substituted = substituteEnv(value, env, (name) => reportUnset(path, name));
    // Wherever it is, a value that looks like a secret stays a template: compiled output is logged.
    return looksSecret(substituted) ? value : substituted;
  });
  const out = (typeof config === 'object' && config !== null && !Array.isArray(config) ? config : {}) as Record<string, unknown>;
  const asWritten = (path: JsonPath): string | undefined => parsed.sourceMap.scalarSource(path)?.trim();
  if (typeof out.version === 'number') out.version = asWritten(['version']) ?? String(out.version);
  const tls = out.tls;
  if (typeof tls === 'object' && tls !== null) {
    for (const [name, profile] of Object.entries(tls as Record<string, unknown>)) {
      const p = profile as Record<string, unknown> | null;
      if (p && typeof p.minVersion === 'number') p.minVersion = asWritten(['tls', name, 'minVersion']) ?? String(p.minVersion);
    }
  }
  return { config: out, diagnostics };
}

const SECRET_LOOKING = [/-----BEGIN [A-Z0-9 ]*(PRIVATE KEY|CERTIFICATE)-----/, /\/\/[^/@\s]*:[^/@\s]*@/, /[?&;](password|passwd|pass|pwd|secret|token|auth|key)=/i];

function looksSecret(value: string): boolean {
  return SECRET_LOOKING.some((pattern) => pattern.test(value));
}

function transform(value: unknown, path: JsonPath, onString: (value: string, path: JsonPath) => string): unknown {
  if (typeof value === 'string') return onString(value, path);
  if (Array.isArray(value)) return value.map((v, i) => transform(v, [...path, i], onString));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: `out['__proto__'] = …` would make a key of the file the
    // object's prototype (and its keys inherited settings of every consumer). yaml's toJS does the same.
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, { value: transform(v, [...path, k], onString), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
