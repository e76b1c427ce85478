import type { Rule } from './rule.js';
import { isObj } from '../config/accessors.js';

const rule: Rule = {
  id: 'wrong-type',
  severity: 'error',
  description: 'A value has the wrong type: a string where a list belongs, a list where a mapping belongs, …',
  messages: {
    type: '{message}',
    root: 'the top level of a maverics.yaml must be a mapping (key: value lines), not {kind}',
  },
  check({ parsed, schemaIssues, report }) {
    const value = parsed.value;
    if (value !== null && value !== undefined && !isObj(value)) {
      report({ path: [], messageId: 'root', data: { kind: Array.isArray(value) ? 'a list' : 'a single value' } });
      return;
    }
    // An empty file is `required-key`'s (a warning: it holds no configuration), not a type error.
    if (value === null || value === undefined) return;
    for (const issue of schemaIssues) {
      if (issue.kind === 'wrong-type') report({ path: issue.path, target: issue.target, messageId: 'type', data: { message: issue.message } });
    }
  },
};
export default rule;
