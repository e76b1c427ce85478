import type { Rule } from './rule.js';
import { isDeferredValue } from '../secrets/references.js';
import { obj, tlsProfileNames } from './util.js';

export const TLS_VERSIONS = ['1.0', '1.1', '1.2', '1.3'];

/** minVersion as written: `1.0` stays `1.0` although YAML reads the number 1. */
export function minVersionSource(parsed: { sourceMap: { scalarSource(path: readonly (string | number)[]): string | undefined } }, profile: string): string | undefined {
  return parsed.sourceMap.scalarSource(['tls', profile, 'minVersion'])?.trim();
}

const rule: Rule = {
  id: 'tls-min-version',
  severity: 'error',
  description: '`minVersion` is not one of 1.0, 1.1, 1.2, 1.3.',
  messages: {
    invalid: '`minVersion` is `{value}`; expected one of 1.0, 1.1, 1.2, 1.3{hint}',
  },
  check({ config, parsed, report }) {
    for (const name of tlsProfileNames(config)) {
      const value = obj(obj(config.tls)[name]).minVersion;
      if (value === undefined || value === null || typeof value === 'object' || isDeferredValue(value)) continue;
      const written = minVersionSource(parsed, name) ?? String(value);
      if (TLS_VERSIONS.includes(written)) continue;
      const normalised = written.replace(/^(tls|TLS)\s*v?/, '').replace(/^1$/, '1.0').replace(/^1\.([0-3])0*$/, '1.$1');
      const hint = TLS_VERSIONS.includes(normalised) ? ` (write \`"${normalised}"\`)` : '';
      report({ path: ['tls', name, 'minVersion'], messageId: 'invalid', data: { value: written.length > 20 ? `${written.slice(0, 20)}…` : written, hint } });
    }
  },
};
export default rule;
