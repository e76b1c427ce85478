import type { Rule } from './rule.js';
import { minVersionSource } from './tls-min-version.js';
import { tlsProfileNames } from './util.js';

const rule: Rule = {
  id: 'insecure-tls-version',
  severity: 'warning',
  description: '`minVersion` below 1.2: TLS 1.0 and 1.1 are deprecated (RFC 8996).',
  messages: {
    insecure: 'TLS {value} is deprecated and insecure (RFC 8996); use `minVersion: "1.2"` or higher',
  },
  check({ config, parsed, report }) {
    for (const name of tlsProfileNames(config)) {
      const written = minVersionSource(parsed, name);
      if (written === '1.0' || written === '1.1') report({ path: ['tls', name, 'minVersion'], messageId: 'insecure', data: { value: written } });
    }
  },
};
export default rule;
