import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../../src/pipeline/lint.js';
import { generateConfig } from '../../bench/generate-config.js';

// Lint speed is measured by `npm run bench` (bench/lint.bench.ts), never asserted in a test.
test('a 20 MB config is linted whole, with valid positions', () => {
  let text = generateConfig(800_000);
  // One real problem near the end, so the result can be checked.
  text += 'features:\n  experimental.clusters: [1]\n';
  assert.ok(text.length > 19_000_000, `${text.length} bytes`);
  const lines = text.split('\n').length;
  const r = lintText(text, { filePath: 'big.yaml' });
  assert.equal(r.diagnostics.map((d) => d.ruleId), ['wrong-type']);
  assert.is(r.diagnostics[0]?.line, lines - 1);
});

test.run();
