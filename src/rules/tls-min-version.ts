import { replaceValueFix } from '../parse/scalar-fix.js';
import type { Rule } from './rule.js';
import { isDeferredValue } from '../config/secret-references.js';
import { obj, tlsProfileNames } from '../config/accessors.js';

/** The versions the Orchestrator accepts; below 1.2 it refuses to start (Strata's transport-security page). */
export const TLS_VERSIONS = ['1.2', '1.3'];
const BELOW_MINIMUM = ['1.0', '1.1'];

/** minVersion as written: `1.0` stays `1.0` although YAML reads the number 1. */
export function minVersionSource(parsed: { sourceMap: { scalarSource(path: readonly (string | number)[]): string | undefined } }, profile: string): string | undefined {
  return parsed.sourceMap.scalarSource(['tls', profile, 'minVersion'])?.trim();
}

const rule: Rule = {
  id: 'tls-min-version',
  severity: 'error',
  description: '`minVersion` is not 1.2 or 1.3: below 1.2 the Orchestrator refuses to start, and anything else is not a TLS version.',
  messages: {
    invalid: '`minVersion` is `{value}`; expected 1.2 or 1.3{hint}',
    belowMinimum: '`minVersion` is `{value}`: the Orchestrator accepts only TLS 1.2 or higher and refuses to start with an older minimum; write `minVersion: "1.2"` (TLS 1.0 and 1.1 are deprecated, RFC 8996)',
  },
  check({ config, parsed, report }) {
    for (const name of tlsProfileNames(config)) {
      const value = obj(obj(config.tls)[name]).minVersion;
      if (value === undefined || value === null || typeof value === 'object' || isDeferredValue(value)) continue;
      const written = minVersionSource(parsed, name) ?? String(value);
      if (TLS_VERSIONS.includes(written)) continue;
      const path = ['tls', name, 'minVersion'];
      const normalised = written.replace(/^(tls|TLS)\s*v?/, '').replace(/^1$/, '1.0').replace(/^1\.([0-3])0*$/, '1.$1');
      if (BELOW_MINIMUM.includes(normalised)) {
        report({ path, messageId: 'belowMinimum', data: { value: written } });
        continue;
      }
      const hint = TLS_VERSIONS.includes(normalised) ? ` (write \`"${normalised}"\`)` : '';
      // `TLS1.2`, `v1.3`, `1.20`: one version is meant; it is written quoted, as YAML would read `1.2` as a number.
      const fix = TLS_VERSIONS.includes(normalised) ? replaceValueFix(parsed, path, normalised) : undefined;
      report({ path, messageId: 'invalid', data: { value: written.length > 20 ? `${written.slice(0, 20)}…` : written, hint }, fix });
    }
  },
};
export default rule;
