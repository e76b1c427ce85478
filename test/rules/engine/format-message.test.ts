import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatMessage } from '../../../src/rules/rule.js';

test('placeholders are filled from the data, own names only', () => {
  assert.is(formatMessage('no TLS profile named `{name}`', { name: 'redis-tls' }), 'no TLS profile named `redis-tls`');
  assert.is(formatMessage('{{ env.X }} stays as written'), '{{ env.X }} stays as written');
});

test('an unfilled placeholder throws under the test runner, and is left visible otherwise', () => {
  assert.throws(() => formatMessage('expected {expected}, got {got}', { got: 1 }), /placeholder \{expected\} has no value/);
  assert.throws(() => formatMessage('{toString}', {}), /placeholder \{toString\}/);
  const strict = process.env.MAVERICS_CONFIG_STRICT_MESSAGES;
  delete process.env.MAVERICS_CONFIG_STRICT_MESSAGES;
  try {
    assert.is(formatMessage('expected {expected}', {}), 'expected {expected}');
  } finally {
    process.env.MAVERICS_CONFIG_STRICT_MESSAGES = strict;
  }
});

test.run();
