#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) one after the
// other, each in its own process so that one benchmark's heap and sockets do not skew the next.
// Each benchmark prints its own table and the command that reproduces it.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateValidator } from './generate-validator.mjs';

const root = new URL('..', import.meta.url).pathname;
const wanted = process.argv.slice(2);
await generateValidator();
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}  (reproduce: npx tsx bench/${file})\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', file)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
