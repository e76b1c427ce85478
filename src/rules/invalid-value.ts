import { replaceValueFix } from '../parse/scalar-fix.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'invalid-value',
  severity: 'error',
  description: 'A value outside its allowed set: cache `type`, `session.store.type`, `clientAuth`, `logger.level`, an empty address list, …',
  messages: { invalid: '{message}' },
  check({ schemaIssues, parsed, report }) {
    for (const issue of schemaIssues) {
      if (issue.kind !== 'invalid-value') continue;
      const fix = issue.replacement === undefined ? undefined : replaceValueFix(parsed, issue.path, issue.replacement);
      report({ path: issue.path, target: issue.target, messageId: 'invalid', data: { message: issue.message }, fix });
    }
  },
};
export default rule;
