import { testRule } from '../support/rule-tester.js';

const uses = 'clusters: [{name: east}]\ncaches:\n  - {name: c, type: cluster, cluster: {name: east}}\n';

testRule('cluster-feature-flag', {
  valid: [
    { name: '"true"', code: `version: 1\nfeatures:\n  experimental.clusters: "true"\n${uses}` },
    { name: 'true (a YAML boolean, as in the helm chart)', code: `version: 1\nfeatures:\n  experimental.clusters: true\n${uses}` },
    { name: '"Enabled" (any case)', code: `version: 1\nfeatures:\n  experimental.clusters: "Enabled"\n${uses}` },
    { name: 'TRUE with spaces', code: `version: 1\nfeatures:\n  experimental.clusters: " TRUE "\n${uses}` },
    { name: 'nested form', code: `version: 1\nfeatures:\n  experimental:\n    clusters: "true"\n${uses}` },
    { name: 'nested form with a boolean', code: `version: 1\nfeatures:\n  experimental:\n    clusters: true\n${uses}` },
    { name: 'no cluster features used, flag off', code: 'version: 1\nfeatures:\n  experimental.clusters: "false"\n' },
    { name: 'the legacy orchestratorGroups flag off with no clusters', code: 'version: 1\nfeatures:\n  experimental.orchestratorGroups: false\norchestratorGroups: []\n' },
  ],
  invalid: [
    { name: 'no features at all: clusters (at its key) and a cluster cache (at its type)', code: `version: 1\n${uses}`, errors: [
      { line: 2, column: 1, endColumn: 9, severity: 'warning', message: /^`clusters` needs the feature flag `experimental\.clusters`; without it the Orchestrator silently ignores cluster configuration/ },
      { line: 4, column: 21, endColumn: 28, message: /^a cache of type cluster needs the feature flag/ },
    ] },
    { name: '"false"', code: `version: 1\nfeatures:\n  experimental.clusters: "false"\n${uses}`, errors: [{ line: 4, column: 1 }, { line: 6, column: 21 }] },
    { name: 'false', code: `version: 1\nfeatures:\n  experimental.clusters: false\nclusters: [{name: east}]\n`, errors: [{ line: 4, column: 1 }] },
    { name: '"yes" is not on', code: `version: 1\nfeatures:\n  experimental.clusters: "yes"\nclusters: [{name: east}]\n`, errors: [{ line: 4, column: 1 }] },
    { name: 'nested "false"', code: `version: 1\nfeatures:\n  experimental:\n    clusters: "false"\nclusters: [{name: east}]\n`, errors: [{ line: 5, column: 1 }] },
    { name: 'another flag does not count', code: `version: 1\nfeatures:\n  experimental.orchestratorGroups: true\nclusters: [{name: east}]\n`, errors: [{ line: 4, column: 1 }] },
    { name: 'a cluster session store and cluster routing', code: 'version: 1\nsession:\n  store: {type: cluster}\nhttp:\n  routing: {type: cluster}\n', errors: [{ line: 3, column: 17, message: /^a cluster session store/ }, { line: 5, column: 19, message: /^cluster routing/ }] },
  ],
});
