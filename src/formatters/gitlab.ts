/**
 * GitLab Code Quality JSON (the `artifacts:reports:codequality` artifact): one issue per unsuppressed
 * diagnostic with its rule as `check_name`, a fingerprint that is stable across commits and unique
 * within the report (GitLab shows only the first issue of a fingerprint), errors as `major` and
 * warnings as `minor`.
 */
import type { Formatter } from './formatter.js';
import { displayPath, fingerprints, reportRoot } from './locations.js';

export const gitlab: Formatter = (results, options) => {
  const root = reportRoot(options);
  const issues: unknown[] = [];
  for (const result of results) {
    const path = displayPath(root, result.filePath);
    const prints = fingerprints(result, path);
    result.diagnostics.forEach((d, i) => {
      if (d.suppression) return;
      issues.push({
        description: d.message,
        check_name: d.ruleId,
        fingerprint: prints[i],
        severity: d.severity === 'error' ? 'major' : 'minor',
        location: { path, lines: { begin: d.line, end: d.endLine } },
      });
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
