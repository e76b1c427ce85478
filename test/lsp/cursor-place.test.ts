/** Where the cursor is, read from indentation while the line is still being typed (and may not parse). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cursorPlace } from '../../src/parse/yaml-location.js';

const TEXT = `version: 1
caches:
  - name: x
    type: re
    redis:
      tls: 
  - name: y
    
apps:
  - name: a
    authentication:
      idps:
        - okta
        - 
connectors:
- name: flush
  ty
oidcProvider:
  cache: 
`;
const lines = TEXT.split('\n');
const place = (lineText: string, nth = 0) => {
  let line = -1;
  for (let i = 0; i <= nth; i++) line = lines.indexOf(lineText, line + 1);
  assert.ok(line >= 0, lineText);
  return cursorPlace(TEXT, line, lineText.length);
};

test('a value after `key: ` in a list item', () => {
  assert.equal(place('    type: re'), { parent: ['caches', 0], key: 'type', item: false });
  assert.equal(place('      tls: '), { parent: ['caches', 0, 'redis'], key: 'tls', item: false });
});

test('a new key in the second list item', () => {
  assert.equal(place('    '), { parent: ['caches', 1], item: false });
});

test('a list value under a nested key: its index counts the items above', () => {
  assert.equal(place('        - '), { parent: ['apps', 0, 'authentication', 'idps', 1], item: true });
});

test('a list at its key\'s own indentation', () => {
  assert.equal(place('  ty'), { parent: ['connectors', 0], item: false });
});

test('a top-level mode\'s key', () => {
  assert.equal(place('  cache: '), { parent: ['oidcProvider'], key: 'cache', item: false });
});

test('comments and blank lines do not count', () => {
  const text = 'tls:\n  # the edge\n\n  edge:\n    # ca\n    ca';
  assert.equal(cursorPlace(text, 5, 6), { parent: ['tls', 'edge'], item: false });
});

test.run();
