import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { toFileResult, type Diagnostic } from '../../src/base/diagnostics.js';
import { json } from '../../src/formatters/json.js';
import { stylish } from '../../src/formatters/stylish.js';

const source = 'version: 1\ncaches:\n  - name: c\n    redis:\n      tls: redis-tl\n';
const frozen: Diagnostic[] = [
  { ruleId: 'unknown-tls-profile', severity: 'error', message: 'no TLS profile named `redis-tl`', line: 5, column: 12, endLine: 5, endColumn: 20, path: ['caches', 0, 'redis', 'tls'] },
  { ruleId: 'required-key', severity: 'error', message: '`caches[0]` is missing `type`', line: 3, column: 5, endLine: 3, endColumn: 9, path: ['caches', 0] },
  { ruleId: 'unknown-key', severity: 'warning', message: 'unknown key "x" with "quotes" \\ and ✓', line: 1, column: 1, endLine: 1, endColumn: 8, path: ['x'] },
];
const results = [toFileResult('/repo/config/maverics.yaml', source, frozen), toFileResult('/repo/clean.yaml', 'version: 1\n', [])];

test('stylish: file, sorted problems with code frames, summary; relative paths; no colour', () => {
  assert.snapshot(
    stylish(results, { cwd: '/repo', color: false }),
    [
      'config/maverics.yaml',
      '  1:1  warning  unknown key "x" with "quotes" \\ and ✓  unknown-key',
      '    1 | version: 1',
      '      | ^^^^^^^',
      '  3:5  error  `caches[0]` is missing `type`  required-key',
      '    3 |   - name: c',
      '      |     ^^^^',
      '  5:12  error  no TLS profile named `redis-tl`  unknown-tls-profile',
      '    5 |       tls: redis-tl',
      '      |            ^^^^^^^^',
      '',
      '✖ 3 problems (2 errors, 1 warning)',
      '',
    ].join('\n'),
  );
});

test('stylish: colour only when asked; nothing at all for clean files', () => {
  assert.ok(stylish(results, { cwd: '/repo', color: true }).includes('\u001b[31merror'));
  assert.not.ok(stylish(results, { cwd: '/repo', color: false }).includes('\u001b'));
  assert.is(stylish([results[1]!], { cwd: '/repo', color: false }), '');
});

test('json: ESLint shape, severity 2/1, absolute paths, byte-stable', () => {
  const out = json(results, { cwd: '/repo', color: false });
  assert.is(out, json(results, { cwd: '/elsewhere', color: true }));
  const parsed = JSON.parse(out) as Record<string, unknown>[];
  assert.equal(Object.keys(parsed[0]!), ['filePath', 'messages', 'suppressedMessages', 'errorCount', 'warningCount', 'fatalErrorCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules']);
  // ESLint always sets these two, so readers index into them without checking.
  assert.equal([parsed[0]!.suppressedMessages, parsed[0]!.usedDeprecatedRules], [[], []]);
  assert.is(parsed[0]!.filePath, '/repo/config/maverics.yaml');
  assert.equal(parsed[0]!.messages, [
    { ruleId: 'unknown-key', severity: 1, message: 'unknown key "x" with "quotes" \\ and ✓', line: 1, column: 1, endLine: 1, endColumn: 8, path: ['x'] },
    { ruleId: 'required-key', severity: 2, message: '`caches[0]` is missing `type`', line: 3, column: 5, endLine: 3, endColumn: 9, path: ['caches', 0] },
    { ruleId: 'unknown-tls-profile', severity: 2, message: 'no TLS profile named `redis-tl`', line: 5, column: 12, endLine: 5, endColumn: 20, path: ['caches', 0, 'redis', 'tls'] },
  ]);
  assert.equal([parsed[0]!.errorCount, parsed[0]!.warningCount, parsed[1]!.errorCount], [2, 1, 0]);
});

test('json: yaml-syntax errors count as fatal', () => {
  const r = toFileResult('/a.yaml', 'a: "\n', [{ ruleId: 'yaml-syntax', severity: 'error', message: 'Missing closing "quote', line: 1, column: 4, endLine: 1, endColumn: 5, path: [] }]);
  const [file] = JSON.parse(json([r], { cwd: '/', color: false })) as { fatalErrorCount: number; messages: { fatal?: boolean }[] }[];
  assert.is(file?.fatalErrorCount, 1);
  assert.is(file?.messages[0]?.fatal, true);
});

test.run();
