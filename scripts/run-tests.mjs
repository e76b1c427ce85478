#!/usr/bin/env node
// Runs every test file under test/ in its own Node process (uvu through tsx), two at a time, and ends
// with the one line CI reads: `N passed, N failed`. One process per file keeps a file that leaks a
// socket or crashes from taking the others with it.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cpus } from 'node:os';
import { generateValidator } from './generate-validator.mjs';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'support' && name !== 'fixtures') out.push(...findTests(full));
    } else if (name.endsWith('.test.ts')) {
      out.push(full);
    }
  }
  return out;
}

function runFile(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    // Run the file itself: a uvu suite prints its own Total/Passed/Skipped when it is the entry point.
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', MAVERICS_CONFIG_STRICT_MESSAGES: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // A hang guard, not a timing: generous because test/package/pre-commit.test.ts has pre-commit run
    // `npm install` of the hook repository from the registry.
    const limit = setTimeout(() => {
      output += `\n[run-tests] ${relative(root, file)} did not finish within 10 minutes; killed\n`;
      child.kill('SIGKILL');
    }, 10 * 60_000);
    child.on('close', (code) => {
      clearTimeout(limit);
      const total = Number(/Total:\s+(\d+)/.exec(output)?.[1] ?? NaN);
      const passed = Number(/Passed:\s+(\d+)/.exec(output)?.[1] ?? NaN);
      const skipped = Number(/Skipped:\s+(\d+)/.exec(output)?.[1] ?? 0);
      const counted = Number.isFinite(total) && Number.isFinite(passed);
      // uvu's Total counts the tests that ran; skipped ones are not in it.
      let failed = counted ? total - passed : 1;
      // A file that exits non-zero after passing everything (an unhandled rejection, a crash in a
      // hook) still counts as a failure.
      if (code !== 0 && failed === 0) failed = 1;
      // A file that ran no test at all is a broken file (or a pattern that matched nothing), not a pass.
      if (counted && total === 0 && skipped === 0) {
        failed = 1;
        output += `\n[run-tests] ${relative(root, file)} ran no tests\n`;
      }
      resolve({ file, code, output, passed: counted ? passed : 0, failed, skipped, ms: Date.now() - started });
    });
  });
}

await generateValidator();
let files = findTests(join(root, 'test'));
if (filters.length) files = files.filter((f) => filters.some((p) => f.includes(p)));
const queue = [...files];
const results = [];
const workers = Array.from({ length: Math.max(1, Math.min(2, cpus().length)) }, async () => {
  for (let file = queue.shift(); file; file = queue.shift()) {
    const r = await runFile(file);
    results.push(r);
    const status = r.failed ? 'FAIL' : 'ok  ';
    console.log(`${status} ${relative(root, r.file)}  (${r.passed} passed, ${r.failed} failed, ${r.ms} ms)`);
    if (r.failed) console.log(r.output.replace(/^/gm, '    '));
  }
});
await Promise.all(workers);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log(skipped ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
