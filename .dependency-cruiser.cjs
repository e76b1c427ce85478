// The floor plan of src/ (docs/architecture.md), checked in CI: no import circle, and imports run
// downward only. Each folder lists the folders it may import; anything else is a violation.
//
//   cli ─► lsp ─► edit ─► pipeline, formatters ─► rules, schema, secrets, cache ─► config, parse ─► base
//
// edit/ applies fixes and re-lints to see what is left, so it sits on top of pipeline/; the fix a rule
// proposes is built below it (parse/scalar-fix.ts, config/reference-fix.ts).
//
// config may use parse's types (a scalar entry, a range) and parse may not use config: they share a
// floor, so that edge is allowed one way only. The `yaml` package is imported by parse/ alone.
const floors = {
  base: [],
  parse: ['base'],
  config: ['base', 'parse'],
  schema: ['base', 'config'],
  rules: ['base', 'config', 'parse', 'schema'],
  secrets: ['base', 'config', 'parse'],
  cache: ['base', 'config'],
  formatters: ['base', 'config', 'rules'],
  edit: ['base', 'config', 'parse', 'pipeline'],
  pipeline: ['base', 'config', 'parse', 'schema', 'rules', 'secrets', 'cache'],
  lsp: ['base', 'config', 'parse', 'schema', 'rules', 'pipeline', 'edit', 'formatters'],
  cli: ['base', 'config', 'parse', 'schema', 'rules', 'secrets', 'cache', 'pipeline', 'edit', 'formatters', 'lsp'],
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'An import circle: two rooms that cannot be understood apart.', from: {}, to: { circular: true } },
    ...Object.entries(floors).map(([floor, allowed]) => ({
      name: `${floor}-imports-downward`,
      severity: 'error',
      comment: `src/${floor}/ may import only ${allowed.length ? allowed.map((f) => `src/${f}/`).join(', ') : 'itself'}.`,
      from: { path: `^src/${floor}/` },
      to: { path: '^src/', pathNot: [`^src/(${[floor, ...allowed].join('|')})/`] },
    })),
    { name: 'index-is-not-cli', severity: 'error', comment: 'The public API never loads the command line.', from: { path: '^src/index\\.ts$' }, to: { path: '^src/(cli|lsp)/' } },
    { name: 'every-module-in-a-floor', severity: 'error', comment: 'A module loose at the top of src/ has no floor; only index.ts lives there.', from: { path: '^src/[^/]+\\.ts$', pathNot: '^src/index\\.ts$' }, to: {} },
    { name: 'yaml-only-in-parse', severity: 'error', comment: 'parse/ is the only importer of yaml.', from: { path: '^src/', pathNot: '^src/parse/' }, to: { path: 'node_modules/yaml/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/schema/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js'] },
  },
};
