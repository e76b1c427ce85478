import { testRule } from '../support/rule-tester.js';

const flag = 'features: {experimental.clusters: "true"}\n';

testRule('unknown-cluster', {
  valid: [
    { name: 'a cluster cache and a cluster session store', code: `version: 1\n${flag}clusters: [{name: east}]\ncaches:\n  - {name: c, type: cluster, cluster: {name: east}}\nsession:\n  store: {type: cluster, cluster: {name: east}}\n` },
    { name: 'cluster routing', code: `version: 1\n${flag}clusters: [{name: east}]\nhttp:\n  routing: {enabled: true, type: cluster, cluster: {name: east}}\n` },
    { name: 'references cannot be judged', code: `version: 1\n${flag}caches:\n  - {name: c, type: cluster, cluster: {name: <vault.cluster>}}\n` },
    { name: 'legacy group routing naming an orchestrator group', code: 'version: 1\norchestratorGroups: [{name: east}]\nhttp:\n  routing: {type: group, group: {name: east}}\n' },
    { name: 'no cluster references', code: 'version: 1\nclusters: [{name: east}]\n' },
  ],
  invalid: [
    { name: 'no clusters declared', code: `version: 1\n${flag}caches:\n  - name: c\n    type: cluster\n    cluster:\n      name: east\n`, errors: [{ line: 7, column: 13, endColumn: 17, severity: 'error', message: /^no cluster named `east` under `clusters`; declare it in a top-level `clusters` list$/ }] },
    { name: 'a typo', code: `version: 1\n${flag}clusters: [{name: east}]\nsession:\n  store: {type: cluster, cluster: {name: eats}}\n`, errors: [{ line: 5, column: 42, message: /did you mean `east`\?/ }] },
    { name: 'routing', code: `version: 1\n${flag}clusters: [{name: east}]\nhttp:\n  routing: {type: cluster, cluster: {name: west}}\n`, errors: [{ line: 5, column: 44, message: /no cluster named `west` under `clusters`$/ }] },
    { name: 'legacy group routing naming no group', code: 'version: 1\norchestratorGroups: [{name: east}]\nhttp:\n  routing: {type: group, group: {name: est}}\n', errors: [{ line: 4, column: 40, message: /did you mean `east`\?/ }] },
  ],
});
