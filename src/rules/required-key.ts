import type { Rule } from './rule.js';
import { isObj } from '../config/accessors.js';

const rule: Rule = {
  id: 'required-key',
  severity: 'error',
  description: 'A required key is missing: a cache\'s name and type, a redis cache\'s addresses and encryption key, the file\'s version.',
  messages: {
    missing: '{message}',
    // The Orchestrator starts without `version` (the vendor's own examples omit it), so its
    // absence is worth a warning, not an error that would fail a build.
    version: 'the file has no `version`; add `version: 1` so that tools and readers know which configuration format it is',
    empty: 'the file holds no configuration; a maverics.yaml needs at least `version`',
  },
  check({ config, parsed, schemaIssues, report }) {
    for (const issue of schemaIssues) {
      if (issue.kind === 'required-key') report({ path: issue.path, target: issue.target, messageId: 'missing', data: { message: issue.message } });
    }
    if (parsed.value === null || parsed.value === undefined) {
      report({ path: [], messageId: 'empty', severity: 'warning' });
    } else if (isObj(parsed.value) && !('version' in config)) {
      report({ path: [], messageId: 'version', severity: 'warning', range: parsed.sourceMap.offsetRange(0, 0) });
    }
  },
};
export default rule;
