import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'invalid-value',
  severity: 'error',
  description: 'A value outside its allowed set: cache `type`, `session.store.type`, `clientAuth`, `logger.level`, an empty address list, …',
  messages: { invalid: '{message}' },
  check({ schemaIssues, report }) {
    for (const issue of schemaIssues) {
      if (issue.kind === 'invalid-value') report({ path: issue.path, target: issue.target, messageId: 'invalid', data: { message: issue.message } });
    }
  },
};
export default rule;
