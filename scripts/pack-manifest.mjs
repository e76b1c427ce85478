#!/usr/bin/env node
// `prepack` builds dist/, then strips the scripts from package.json; `postpack` puts the file back.
// The published manifest carries no `prepare`, so a consumer's npm (11 and later) has no install
// script to warn about ("install scripts not yet covered by allowScripts"), while a clone keeps
// `prepare`, which builds dist/ on `npm ci`. (npm reads the stripped manifest after `prepack` and
// skips `prepare`, hence the build in `prepack`.) The original is kept byte for byte until `postpack`.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const kept = new URL('../.package.json.prepack', import.meta.url);
const mode = process.argv[2];

if (mode === 'strip') {
  // A pack that died between the two steps left the original here: put it back before stripping.
  if (existsSync(kept)) renameSync(kept, manifest);
  const text = readFileSync(manifest, 'utf8');
  writeFileSync(kept, text);
  const published = JSON.parse(text);
  delete published.scripts;
  writeFileSync(manifest, `${JSON.stringify(published, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exitCode = 2;
}
