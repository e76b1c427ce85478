/**
 * Lint speed: (a) the CLI on a typical 150-line config against bare Node start-up, (b) a ~20,000-line
 * config, whole lint against yaml's own parseDocument in the same process, (c) yamllint on both
 * when it is installed, (d) lint over 5k–40k top-level keys, each an unknown-key finding: the time
 * per key stays flat when lint is linear. Reproduce: npm run bench -- lint
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { lintText } from '../src/pipeline/lint.js';
import { generateConfig } from './generate-config.js';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, "dist/bin/main.js");
const dir = mkdtempSync(join(tmpdir(), 'mc-bench-'));
const typical = join(dir, 'typical.yaml');
const large = join(dir, 'large.yaml');
writeFileSync(typical, generateConfig(150));
const largeText = generateConfig(20_000);
writeFileSync(large, largeText);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function timeCommand(cmd: string, args: string[], runs: number): number {
  spawnSync(cmd, args); // warm the file cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    spawnSync(cmd, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

function timeInProcess(fn: () => void, runs: number): number {
  fn();
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

try {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'ignore' });
} catch {
  console.error('build failed; run npm run build');
  process.exit(1);
}

const runs = 21;
const bare = timeCommand(process.execPath, ['-e', '0'], runs);
const lintTypical = timeCommand(process.execPath, [cli, 'lint', typical], runs);
const parseLarge = timeInProcess(() => parseDocument(largeText, { lineCounter: new LineCounter() }), 7);
const lintLarge = timeInProcess(() => lintText(largeText, { filePath: large }), 7);
const largeLines = largeText.split('\n').length;

const rows: string[][] = [
  ['(a) `node -e 0`', `${bare.toFixed(1)} ms`, '', `node -e 0`],
  ['(a) `maverics-config lint` typical (150 lines)', `${lintTypical.toFixed(1)} ms`, `+${(lintTypical - bare).toFixed(1)} ms over Node (target ≤ 80)`, `node dist/bin/main.js lint typical.yaml`],
  [`(b) yaml parseDocument, ${largeLines} lines`, `${parseLarge.toFixed(1)} ms`, '', 'in process, median of 7'],
  [`(b) lintText, ${largeLines} lines`, `${lintLarge.toFixed(1)} ms`, `${(lintLarge / parseLarge).toFixed(2)}× the parse (target ≤ 1.5)`, 'in process, median of 7'],
];

const yamllint = spawnSync('yamllint', ['--version']);
if (yamllint.status === 0) {
  const yTypical = timeCommand('yamllint', ['-d', 'relaxed', typical], 7);
  const yLarge = timeCommand('yamllint', ['-d', 'relaxed', large], 3);
  const cliLarge = timeCommand(process.execPath, [cli, 'lint', large], 3);
  rows.push(['(c) yamllint typical', `${yTypical.toFixed(1)} ms`, yTypical > lintTypical ? `maverics-config is ${(yTypical / lintTypical).toFixed(1)}× faster` : `maverics-config is ${(lintTypical - yTypical).toFixed(0)} ms slower`, 'yamllint -d relaxed typical.yaml']);
  rows.push(['(c) yamllint large', `${yLarge.toFixed(1)} ms`, `maverics-config (${cliLarge.toFixed(0)} ms) is ${(yLarge / cliLarge).toFixed(1)}× faster`, 'yamllint -d relaxed large.yaml']);
} else {
  rows.push(['(c) yamllint', 'not installed', '', 'apt-get install yamllint']);
}

// (d) Linear in the number of keys: every key is unknown, so each costs a diagnostic and a source
// lookup; yaml's own uniqueKeys check and a per-lookup scan of the mapping made this quadratic.
const scaling: string[][] = [];
for (const keys of [5_000, 10_000, 20_000, 40_000]) {
  let text = 'version: 0.3\n';
  for (let i = 0; i < keys; i++) text += `key${i}: value${i}\n`;
  const ms = timeInProcess(() => lintText(text, { filePath: 'keys.yaml' }), 3);
  scaling.push([String(keys), `${(text.length / 1024).toFixed(0)} KiB`, `${ms.toFixed(0)} ms`, `${((ms * 1000) / keys).toFixed(1)} µs`]);
}

console.log('| measurement | time | comparison | command |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('\n(d) lintText on n unknown top-level keys (in process, median of 3)\n');
console.log('| keys | size | lint | per key |');
console.log('|---|---|---|---|');
for (const r of scaling) console.log(`| ${r.join(' | ')} |`);
console.log(`\nnode ${process.version}, ${runs} runs for CLI timings (median). Files in ${dir}.`);
