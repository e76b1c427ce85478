import type { Rule } from './rule.js';
import { obj } from '../config/accessors.js';

const rule: Rule = {
  id: 'http-tls-conflict',
  severity: 'error',
  description: '`http.tls` and `http.hosts` are both set; they are mutually exclusive.',
  messages: {
    conflict: '`http.tls` and `http.hosts` cannot both be set: use `http.tls` for one certificate, or give each entry of `http.hosts` its own `tls`',
  },
  check({ config, report }) {
    const http = obj(config.http);
    if (http.tls !== undefined && http.hosts !== undefined) report({ path: ['http', 'hosts'], target: 'key', messageId: 'conflict' });
  },
};
export default rule;
