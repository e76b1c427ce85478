/**
 * The schema's value grammars (schemas/src/patterns.mjs, what editors check) and lint's
 * (src/config/secret-references.ts) must say the same of every value: a deferred value in one is
 * a deferred value in the other, or the editor and `lint` would disagree on the same file.
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isDeferredValue } from '../../src/config/secret-references.js';
// @ts-expect-error: a build-time .mjs module without type declarations
import * as patterns from '../../schemas/src/patterns.mjs';

const DEFERRED = new RegExp(String((patterns as { DEFERRED: unknown }).DEFERRED), 'u');

test('samples: references, templates and plain values are judged alike', () => {
  for (const value of ['<vault.key>', '<arn:aws:secretsmanager:us-west-2:1:secret:x>', '{{ env.KEY }}', 'x{{env.A_1}}y', '<a b>', '<>', '{{ env.1X }}', '{{ connector.attr }}', 'plain', '<vault.key> ', ' <vault.key>']) {
    assert.is(DEFERRED.test(value), isDeferredValue(value), value);
  }
});

test('any text built from the grammars\' pieces is judged alike', () => {
  const piece = fc.constantFrom('<', '>', 'vault', '.', 'key', ':', '/', ' ', '{{', '}}', 'env', 'env.', 'A_1', '1', '-', 'x');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const value = parts.join('');
      assert.is(DEFERRED.test(value), isDeferredValue(value), value);
    }),
    { seed: 20261130, numRuns: 500 },
  );
});

test.run();
