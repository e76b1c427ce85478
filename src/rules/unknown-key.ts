import { renameKeyFix } from '../parse/scalar-fix.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'unknown-key',
  // An error where the documented key set is complete, a warning where it is partial: the policy is
  // `unknownKeySeverity` in src/schema/validate.ts, carried on each issue.
  severity: 'error',
  description: 'A key this surface does not know, with a did-you-mean when a known key is close: an error where the documented key set is complete, a warning where it is only partly documented.',
  messages: { unknown: '{message}' },
  check({ schemaIssues, parsed, report }) {
    for (const issue of schemaIssues) {
      if (issue.kind !== 'unknown-key') continue;
      const fix = issue.replacement === undefined ? undefined : renameKeyFix(parsed, issue.path, issue.replacement);
      report({ path: issue.path, target: 'key', messageId: 'unknown', data: { message: issue.message }, severity: issue.severity, fix });
    }
  },
};
export default rule;
