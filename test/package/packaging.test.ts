/**
 * The package as a consumer gets it: `npm pack` of a copy of the working tree (its real prepack,
 * prepare and postpack run), then `npm install <tarball>` into a fresh project. The consumer sees no
 * install-script warning (npm 11 warns about any `prepare` left in a published manifest), gets the
 * LICENSE, and can `require()` the package from CommonJS and `import` it from ESM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { root } from '../support/built-cli.js';
import { copyWorkingTree, run } from '../support/repo-copy.js';

const source = copyWorkingTree('maverics-pack-');
// Outside the copy: the copy's node_modules links to the repository's, which has every optional peer.
const app = mkdtempSync(join(tmpdir(), 'maverics-consumer-'));
let tarball = '';
let install = { stdout: '', stderr: '' };

test.before(() => {
  // The copy builds with the repository's own dev dependencies; a symlink, not a second install.
  run('ln', ['-s', join(root, 'node_modules'), join(source, 'node_modules')], source);
  const packed = run('npm', ['pack', '--pack-destination', source], source);
  tarball = join(source, packed.stdout.trim());
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true })}\n`);
  install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
});
test.after(() => {
  rmSync(source, { recursive: true, force: true });
  rmSync(app, { recursive: true, force: true });
});

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

test('a lint-only install: no optional peer installed, node_modules within 15 MB', () => {
  for (const peer of ['node-vault', '@aws-sdk/client-secrets-manager', '@azure/identity', '@azure/keyvault-secrets']) {
    assert.not.ok(existsSync(join(app, 'node_modules', peer)), `${peer} was installed`);
  }
  const kib = Number(run('du', ['-sk', join(app, 'node_modules')], app).stdout.split('\t')[0]);
  assert.ok(kib <= 15 * 1024, `node_modules holds ${kib} KiB`);
});

test('without the optional peers: lint works, loadConfig gives local_default, a Vault URL names the npm install line', () => {
  writeFileSync(
    join(app, 'runtime.mjs'),
    [
      "import { checkText, loadConfig } from 'maverics-config';",
      "const { registry } = await loadConfig({ text: 'version: 1\\n', env: {} });",
      "await registry.get('local_default').set('k', Buffer.from('v'));",
      "const value = (await registry.get('local_default').get('k'))?.toString();",
      'await registry.close();',
      "const text = 'version: 1\\ncaches:\\n  - name: c\\n    type: redis\\n    redis:\\n      addresses: [\"redis.example.com:6379\"]\\n      password: <vault.redis_password>\\n';",
      "const checked = await checkText(text, { secretProvider: 'hashivault+http://127.0.0.1:1/secret/data/maverics?token=t', env: {} });",
      "console.log(JSON.stringify({ value, messages: checked.diagnostics.filter((d) => d.ruleId === 'secret-provider-error').map((d) => d.message) }));",
    ].join('\n'),
  );
  const out = JSON.parse(run(process.execPath, ['runtime.mjs'], app).stdout) as { value: string; messages: string[] };
  assert.is(out.value, 'v');
  assert.ok(out.messages.some((m) => m.includes('npm install node-vault')), out.messages.join('\n'));
  writeFileSync(join(app, 'maverics.yaml'), 'version: 1\ncaches:\n  - name: c\n    type: redis\n    redis:\n      addresses: ["redis://r:6379"]\n');
  const lint = spawnSync(join(app, 'node_modules/.bin/maverics-config'), ['lint', 'maverics.yaml'], { cwd: app, encoding: 'utf8' });
  assert.is(lint.status, 1, lint.stderr);
  assert.match(lint.stdout, /redis-address/);
});

test.run();
