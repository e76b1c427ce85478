/**
 * The package as a consumer gets it: `npm pack` of a copy of the working tree (its real prepack,
 * prepare and postpack run), then `npm install <tarball>` into a fresh project. The consumer sees no
 * install-script warning (npm 11 warns about any `prepare` left in a published manifest), gets the
 * LICENSE, and can `require()` the package from CommonJS and `import` it from ESM.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { root } from './support/built-cli.js';
import { copyWorkingTree, run } from './support/repo-copy.js';

const source = copyWorkingTree('maverics-pack-');
const app = join(source, '.consumer');
let tarball = '';
let install = { stdout: '', stderr: '' };

test.before(() => {
  // The copy builds with the repository's own dev dependencies; a symlink, not a second install.
  run('ln', ['-s', join(root, 'node_modules'), join(source, 'node_modules')], source);
  const packed = run('npm', ['pack', '--pack-destination', source], source);
  tarball = join(source, packed.stdout.trim());
  run('mkdir', ['-p', app], source);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true })}\n`);
  install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
});
test.after(() => rmSync(source, { recursive: true, force: true }));

test('npm pack prints only the tarball name (what pre-commit reads) and leaves package.json as it was', () => {
  assert.ok(existsSync(tarball), tarball);
  assert.is(readFileSync(join(source, 'package.json'), 'utf8'), readFileSync(join(root, 'package.json'), 'utf8'));
  assert.not.ok(existsSync(join(source, '.package.json.prepack')));
});

test('the published manifest has no scripts; the consumer install prints no install-script warning', () => {
  const manifest = JSON.parse(readFileSync(join(app, 'node_modules/maverics-config/package.json'), 'utf8')) as Record<string, unknown>;
  assert.is(manifest.scripts, undefined);
  assert.not.match(`${install.stdout}${install.stderr}`, /install-scripts|allowScripts|prepare/);
});

test('LICENSE (Apache-2.0) is in the package', () => {
  assert.match(readFileSync(join(app, 'node_modules/maverics-config/LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
});

test("require('maverics-config') works from CommonJS, and the schema resolves under both names", () => {
  writeFileSync(
    join(app, 'use.cjs'),
    [
      "const m = require('maverics-config');",
      "const a = require.resolve('maverics-config/schemas/maverics.schema.json');",
      "const b = require.resolve('maverics-config/schema.json');",
      "const r = m.lintText('version: 1\\ncaches:\\n  - name: local_default\\n    type: redis\\n');",
      'console.log(JSON.stringify({ lintText: typeof m.lintText, loadConfig: typeof m.loadConfig, same: a === b, rules: r.diagnostics.map((d) => d.ruleId) }));',
    ].join('\n'),
  );
  const out = JSON.parse(run(process.execPath, ['use.cjs'], app).stdout) as { lintText: string; loadConfig: string; same: boolean; rules: string[] };
  assert.is(out.lintText, 'function');
  assert.is(out.loadConfig, 'function');
  assert.ok(out.same);
  assert.ok(out.rules.includes('reserved-cache-name'), out.rules.join());
});

test('import from ESM and the bin work too', () => {
  writeFileSync(join(app, 'use.mjs'), "import { lintText } from 'maverics-config';\nconsole.log(typeof lintText);\n");
  assert.is(run(process.execPath, ['use.mjs'], app).stdout.trim(), 'function');
  assert.match(run(join(app, 'node_modules/.bin/maverics-config'), ['--version'], app).stdout, /\d+\.\d+\.\d+/);
});

test.run();
