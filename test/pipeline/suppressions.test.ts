import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../../src/pipeline/lint.js';
import { findComments } from '../../src/parse/comments.js';

/** `line:column rule-id` of the diagnostics left in the counts, and of the suppressed ones. */
function outcome(text: string) {
  const result = lintText(text, { filePath: 'maverics.yaml' });
  const at = (d: (typeof result.diagnostics)[number]) => `${d.line}:${d.column} ${d.ruleId}`;
  return {
    result,
    shown: result.diagnostics.filter((d) => !d.suppression).map(at),
    suppressed: result.diagnostics.filter((d) => d.suppression).map((d) => `${at(d)} (${d.suppression?.justification})`),
  };
}

const CACHE = `version: 1
caches:
  - name: local_default
    type: redis
    redis:
      addresses: ["localhost:6379"]
    encryption:
      disabled: true
    hashing:
      disabled: true
`;

test('without directives, the reserved name is an error (the baseline the other tests silence)', () => {
  const { shown, result } = outcome(CACHE);
  assert.ok(shown.includes('3:11 reserved-cache-name'), shown.join('\n'));
  assert.ok(result.errorCount >= 1);
});

test('disable-next-line silences the named rule on the next line, keeps the record with the reason, and leaves the counts', () => {
  const text = CACHE.replace('  - name: local_default', '  # maverics-config-disable-next-line reserved-cache-name -- a test fixture\n  - name: local_default');
  const { shown, suppressed, result } = outcome(text);
  assert.equal(suppressed, ['4:11 reserved-cache-name (a test fixture)']);
  assert.not.ok(shown.some((s) => s.includes('reserved-cache-name') || s.includes('unused-disable')), shown.join('\n'));
  // What is left is the misplaced `hashing.disabled` (an unknown key in a fully documented object).
  assert.equal(result.errorCount, 1);
});

test('disable-next-line takes several ids and skips blank and comment lines to the next content line', () => {
  const text = CACHE.replace(
    '    encryption:\n      disabled: true',
    '    encryption:\n      # maverics-config-disable-next-line encryption-disabled, unknown-key -- local only\n\n      # another comment\n      disabled: true',
  );
  const { shown, suppressed } = outcome(text);
  assert.equal(suppressed, ['11:17 encryption-disabled (local only)']);
  // Nothing on line 11 is an unknown key, so that half of the directive is reported.
  assert.ok(shown.includes('8:7 unused-disable'), shown.join('\n'));
  assert.not.ok(shown.some((s) => s.includes('encryption-disabled')), shown.join('\n'));
});

test('the reason is optional; without it the justification is empty', () => {
  const text = `# maverics-config-disable-file unknown-key\nversion: 1\nfoo: 1\n`;
  const { suppressed, shown } = outcome(text);
  assert.equal(suppressed, ['3:1 unknown-key ()']);
  assert.equal(shown, []);
});

test('disable-file in the leading comment block silences the rule everywhere', () => {
  const text = `# a header comment\n\n# maverics-config-disable-file unknown-key -- keys of a newer Orchestrator\nversion: 1\nfoo: 1\nbar:\n  baz: 2\n`;
  const { suppressed, shown, result } = outcome(text);
  assert.equal(suppressed, ['5:1 unknown-key (keys of a newer Orchestrator)', '6:1 unknown-key (keys of a newer Orchestrator)']);
  assert.equal(shown, []);
  assert.equal(result.warningCount, 0);
});

test('disable-file after the first key is reported and not applied', () => {
  const text = `version: 1\n# maverics-config-disable-file unknown-key -- too late\nfoo: 1\n`;
  const { shown, suppressed } = outcome(text);
  assert.equal(suppressed, []);
  assert.equal(shown, ['2:1 unused-disable', '3:1 unknown-key']);
});

test('a directive that suppresses nothing is reported at its comment, as a warning', () => {
  const text = `version: 1\n# maverics-config-disable-next-line unknown-key -- nothing here\nlogger:\n  level: info\n`;
  const { result } = outcome(text);
  const [d] = result.diagnostics;
  assert.equal(result.diagnostics.length, 1);
  assert.equal(d?.ruleId, 'unused-disable');
  assert.equal(d?.severity, 'warning');
  assert.equal([d?.line, d?.column, d?.endLine, d?.endColumn], [2, 1, 2, 64]);
  assert.match(d?.message ?? '', /"unknown-key" is disabled for the next line but reports nothing on line 3/);
  assert.equal(result.warningCount, 1);
});

test('an unknown rule id is reported, with a did-you-mean', () => {
  const text = `# maverics-config-disable-file unknown-kye -- typo\nversion: 1\nfoo: 1\n`;
  const { result, shown } = outcome(text);
  assert.equal(shown, ['1:1 unused-disable', '3:1 unknown-key']);
  assert.match(result.diagnostics[0]?.message ?? '', /unknown rule "unknown-kye"; did you mean "unknown-key"\?/);
});

test('a directive with no rule id, or an unknown directive word, is reported', () => {
  const none = outcome(`version: 1\n# maverics-config-disable-next-line -- why\nfoo: 1\n`);
  assert.equal(none.shown, ['2:1 unused-disable', '3:1 unknown-key']);
  assert.match(none.result.diagnostics[0]?.message ?? '', /names no rule/);
  const word = outcome(`version: 1\n# maverics-config-disable-line unknown-key\nfoo: 1\n`);
  assert.equal(word.shown, ['2:1 unused-disable', '3:1 unknown-key']);
  assert.match(word.result.diagnostics[0]?.message ?? '', /not a directive/);
});

test('yaml-syntax cannot be suppressed, and unused directives are not judged on a broken file', () => {
  const text = `# maverics-config-disable-file yaml-syntax, unknown-key -- no\nversion: 1\nfoo: [1, 2\n`;
  const { result } = outcome(text);
  assert.ok(result.errorCount >= 1);
  assert.ok(result.diagnostics.every((d) => d.ruleId === 'yaml-syntax' && !d.suppression), JSON.stringify(result.diagnostics));
});

test('naming yaml-syntax on a valid file is reported as not suppressible', () => {
  const { result } = outcome(`# maverics-config-disable-file yaml-syntax -- no\nversion: 1\n`);
  assert.equal(result.diagnostics.map((d) => d.ruleId), ['unused-disable']);
  assert.match(result.diagnostics[0]?.message ?? '', /"yaml-syntax" cannot be disabled/);
});

test('a check-stage rule named during lint is not judged: only check can tell whether it is used', () => {
  const { result } = outcome(`version: 1\n# maverics-config-disable-next-line unresolved-secret -- staging vault\nlogger:\n  level: info\n`);
  assert.equal(result.diagnostics, []);
});

test('a directive-looking # inside a quoted string or a block scalar is not a comment', () => {
  const text = [
    'version: 1',
    'foo: "# maverics-config-disable-next-line unknown-key"',
    'bar: |',
    '  # maverics-config-disable-file unknown-key',
    '  text',
    '',
  ].join('\n');
  const { shown, suppressed } = outcome(text);
  assert.equal(suppressed, []);
  assert.equal(shown, ['2:1 unknown-key', '3:1 unknown-key']);
});

test('a trailing directive comment applies to the line after it', () => {
  const text = `version: 1 # maverics-config-disable-next-line unknown-key -- trailing\nfoo: 1\n`;
  assert.equal(outcome(text).suppressed, ['2:1 unknown-key (trailing)']);
});

test('CRLF line endings: directives, targets and reasons read the same', () => {
  const text = `version: 1\r\n# maverics-config-disable-next-line unknown-key -- windows file\r\nfoo: 1\r\n`;
  assert.equal(outcome(text).suppressed, ['3:1 unknown-key (windows file)']);
});

test('findComments: comments only, in order, with the offset of the #', () => {
  const text = `# head\na: "x # no" # one\nb: |\n  # no\nc: 'it''s # no' # two\n`;
  assert.equal(
    findComments(text).map((c) => [text.slice(c.offset, c.end), c.body]),
    [['# head', ' head'], ['# one', ' one'], ['# two', ' two']],
  );
});

test('suppression is deterministic: the same text gives the same records', () => {
  const text = CACHE.replace('  - name: local_default', '  # maverics-config-disable-next-line reserved-cache-name, nope -- x\n  - name: local_default');
  assert.equal(JSON.stringify(lintText(text)), JSON.stringify(lintText(text)));
});

test.run();
