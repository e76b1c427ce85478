import { testRule } from '../support/rule-tester.js';

testRule('legacy-key', {
  valid: [
    { name: 'a modern config', code: `version: 1
http: {address: ":9443"}
session:
  cookie: {domain: example.com}
  lifetime: {maxTimeout: 24h, idleTimeout: 15m}
apps: []
connectors: []
clusters: []
features: {experimental.clusters: "true"}
` },
    { name: 'idps inside an app is not the legacy top-level idps', code: 'version: 1\napps:\n  - name: a\n    authentication: {idps: []}\n' },
    { name: 'a feature flag named after a legacy key is not the key', code: 'version: 1\nfeatures:\n  authproviders: true\n  experimental.orchestratorGroups: false\n' },
  ],
  invalid: [
    { name: 'appgateways', code: 'version: 1\nappgateways: []\n', errors: [{ line: 2, column: 1, endColumn: 12, severity: 'warning', message: /^`appgateways` is the legacy form; current Orchestrators use `apps` of `type: proxy`$/ }] },
    { name: 'top-level idps', code: 'version: 1\nidps: []\n', errors: [{ line: 2, column: 1, message: /use `connectors`/ }] },
    { name: 'authproviders and authProvider', code: 'version: 1\nauthproviders: []\nauthProvider: {}\n', errors: [{ line: 2, column: 1, message: /`oidcProvider` \/ `samlProvider`/ }, { line: 3, column: 1, message: /^`authProvider` is the legacy form; current Orchestrators use `authentication\.idps` on each app \(or policy\), naming the connector$/ }] },
    { name: 'orchestratorGroups', code: 'version: 1\norchestratorGroups: []\n', errors: [{ line: 2, column: 1, message: /use `clusters`/ }] },
    { name: 'listenAddress', code: 'version: 1\nlistenAddress: ":443"\n', errors: [{ line: 2, column: 1, message: /use `http\.address`/ }] },
    { name: 'legacy session keys, at the key', code: 'version: 1\nsession:\n  cookieDomain: example.com\n  maxLifetimeSeconds: 3600\n  idleTimeoutSeconds: 600\n', errors: [
      { line: 3, column: 3, endColumn: 15, message: /`session\.cookieDomain` is the legacy form; current Orchestrators use `session\.cookie\.domain`/ },
      { line: 4, column: 3, message: /`session\.lifetime\.maxTimeout`/ },
      { line: 5, column: 3, message: /`session\.lifetime\.idleTimeout`/ },
    ] },
  ],
});
