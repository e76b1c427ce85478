/**
 * The language server on a 2,000-line config: the time from `didChange` to the
 * `publishDiagnostics` of that version (median and p95 over 200 edits), and the server's memory
 * (resident set after the run and at its peak, from /proc). Three runs: typing (an edit every
 * 50 ms after the last diagnostics: 20 keystrokes a second), back-to-back edits (each sent the
 * moment the last diagnostics arrive: inside the debounce), and debounceMs 0 (the lint alone).
 * The server is the built binary, spoken to over stdio as an editor does. Target: median ≤ 30 ms.
 * Reproduce: npm run bench -- lsp
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { LspClient } from '../test/lsp/lsp-client.js';
import { generateConfig } from './generate-config.js';

const root = new URL('..', import.meta.url).pathname;
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'ignore' });

const EDITS = 200;
const text = generateConfig(2_000);
const lines = text.split('\n');
// Edit app names: each edit changes one value the rules look at (an app's name), as typing does.
const targets = lines.map((l, i) => (/^ {2}- name: app-\d+$/.test(l) ? i : -1)).filter((i) => i >= 0);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] as number;
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(gapMs: number, debounceMs?: number): Promise<{ median: number; p95: number; rss: number; peak: number }> {
  const client = new LspClient([join(root, 'dist/bin/main.js'), 'lsp', '--stdio']);
  await client.initialize(debounceMs === undefined ? {} : { debounceMs });
  const uri = 'file:///bench/maverics.yaml';
  await client.open(uri, text);
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    if (gapMs) await pause(gapMs);
    const line = targets[i % targets.length] as number;
    const end = (lines[line] as string).length;
    const started = process.hrtime.bigint();
    // Append then remove a character: the file stays the same size over the run.
    await client.change(uri, { start: { line, character: end }, end: { line, character: i % 2 ? end + 1 : end } }, i % 2 ? '' : 'x');
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const memory = memoryOf(client.child.pid as number);
  await client.close();
  return { median: percentile(times, 50), p95: percentile(times, 95), ...memory };
}

const typing = await run(50);
const burst = await run(0);
const without = await run(0, 0);
const row = (name: string, r: typeof typing) => `| ${name} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rss.toFixed(0)} | ${r.peak.toFixed(0)} |`;
console.log(`config: ${lines.length} lines; ${EDITS} edits, each awaited (didChange → publishDiagnostics of that version)\n`);
console.log('| server | median ms | p95 ms | RSS MiB after | peak RSS MiB |');
console.log('|---|---|---|---|---|');
console.log(row('typing, an edit every 50 ms (default debounce 15 ms)', typing));
console.log(row('back-to-back edits (default debounce 15 ms)', burst));
console.log(row('back-to-back, debounceMs: 0 (the lint alone)', without));
console.log(`\ntarget: median ≤ 30 ms while typing: ${typing.median <= 30 ? 'met' : 'NOT met'}; load average now: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
