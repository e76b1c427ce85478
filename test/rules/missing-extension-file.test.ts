// Real files in a temporary directory, the real linter and the real CLI: the rule looks for
// service-extension files beside the config only when the config itself is a file on disk.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintFiles, lintText } from '../../src/pipeline/lint.js';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'missing-extension-file-'));
mkdirSync(join(dir, 'extensions'));
writeFileSync(join(dir, 'extensions', 'auth.go'), 'package main\n');

const config = (file: string) => `version: 1
apps:
  - name: portal
    type: proxy
    routePatterns: [portal.example.com]
    upstream: https://portal.internal
    policies:
      - location: /
        authentication:
          isAuthenticatedSE:
            funcName: IsAuthenticated
            file: ${file}
`;

function found(text: string, configDir: string | null = dir) {
  return lintText(text, { filePath: join(dir, 'maverics.yaml'), configDir: configDir ?? undefined }).diagnostics.filter((d) => d.ruleId === 'missing-extension-file');
}

test('a relative file that exists beside the config is clean', () => {
  assert.equal(found(config('extensions/auth.go')), []);
  assert.equal(found(config('./extensions/auth.go')), []);
});

test('a relative file that does not exist is a warning at the file value', () => {
  const [d, ...rest] = found(config('extensions/atuh.go'));
  assert.equal(rest, []);
  assert.ok(d);
  assert.is(d.severity, 'warning');
  assert.equal([d.line, d.column, d.endColumn], [12, 19, 37]);
  assert.match(d.message, /^the service extension file `extensions\/atuh\.go` does not exist \(looked for `.*extensions\/atuh\.go`, relative to the config file's directory\)/);
});

test('every kind of service extension: hooks anywhere, serve SEs, top-level serviceExtensions', () => {
  const text = `version: 1
apps:
  - name: a
    headers:
      - createHeaderSE: {funcName: F, file: nope/header.go}
apis:
  - name: api
    serveSE: {funcName: Serve, file: nope/serve.go}
serviceExtensions:
  - name: shared
    file: nope/shared.go
`;
  assert.equal(found(text).map((d) => d.line), [5, 8, 11]);
});

test('absolute paths, references and templates are not looked for', () => {
  assert.equal(found(config('/etc/maverics/extensions/missing.go')), []);
  assert.equal(found(config('C:\\maverics\\missing.go')), []);
  assert.equal(found(config('<vault.se_file>')), []);
  assert.equal(found(config('"{{ env.SE_FILE }}"')), []);
});

test('a file key that is not a service extension\'s is left alone', () => {
  assert.equal(found('version: 1\nclusters:\n  - name: c\n    encryption: {nodeKey: {file: nope/node.key}}\n'), []);
});

test('text with no directory (standard input, an API call without configDir) is never looked at', () => {
  assert.equal(found(config('extensions/atuh.go'), null), []);
});

test('lintFiles and the CLI look beside the file; standard input is not looked at', () => {
  const path = join(dir, 'maverics.yaml');
  writeFileSync(path, config('extensions/atuh.go'));
  return lintFiles([path]).then(([result]) => {
    assert.equal(result?.diagnostics.map((d) => d.ruleId), ['missing-extension-file']);
    // The CLI runs in the repository, the config lives elsewhere: relative to the config, not the cwd.
    const onDisk = runCli(['lint', '--format', 'json', path]);
    assert.match(onDisk.stdout, /"ruleId":"missing-extension-file"/);
    const stdin = runCli(['lint', '--format', 'json', '--stdin-filename', path, '-'], { input: config('extensions/atuh.go') });
    assert.is(stdin.code, 0, stdin.stderr);
    assert.not.match(stdin.stdout, /"ruleId":"missing-extension-file"/);
  });
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
