import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'unknown-key',
  severity: 'warning',
  description: 'A key this surface does not know, with a did-you-mean when a known key is close.',
  messages: { unknown: '{message}' },
  check({ schemaIssues, report }) {
    for (const issue of schemaIssues) {
      if (issue.kind === 'unknown-key') report({ path: issue.path, target: 'key', messageId: 'unknown', data: { message: issue.message } });
    }
  },
};
export default rule;
