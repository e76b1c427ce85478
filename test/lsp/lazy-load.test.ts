/** The protocol packages load only for `lsp`: `import 'maverics-config'`, lint and --fix never pay for them. */
import { spawnSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { root } from '../support/cli.js';

/** The vscode-* CommonJS modules loaded after importing `modules` (ESM imports of CommonJS land in require's cache). */
function vscodeModulesAfter(...modules: string[]): string[] {
  const script = `import { createRequire } from 'node:module';
for (const m of ${JSON.stringify(modules)}) await import(m);
process.stdout.write(JSON.stringify(Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/vscode-'))));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.is(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as string[];
}

test('the library, the lint command and the fixer load no vscode-languageserver module', () => {
  assert.equal(vscodeModulesAfter('./src/index.ts', './src/cli/lint-command.ts', './src/edit/fix-files.ts'), []);
});

test('the server does (so the check above can fail)', () => {
  assert.ok(vscodeModulesAfter('./src/lsp/stdio.ts').some((m) => m.includes('vscode-languageserver')));
});

test.run();
