/**
 * `lint` of many files in one invocation: 500 typical configs generated into a temp folder, linted by
 * the built executable in one process, as a pre-commit run over a large repository or a CI job would.
 * Target: at least 300 files per second. Reproduce with: npx tsx bench/many-files.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lintFiles } from '../src/pipeline/lint.js';
import { ensureBuilt } from '../test/support/built-cli.js';

const FILES = 500;
const RUNS = 5;
const TARGET = 300;

/** Typical configurations: the vendor's Redis examples and a fuller gateway set-up, varied per file. */
function config(i: number): string {
  const name = `cache-${i}`;
  const cache = `  - name: ${name}
    type: redis
    redis:
      addresses:
        - "redis-${i % 7}.example.com:6379"
        - "redis-${(i + 1) % 7}.example.com:6379"
      username: "maverics"
      password: <vault.redis_password_${i}>
      tls: redis-tls
    encryption:
      keys:
        current: <vault.redis_encryption_key_${i}>
        old:
          - <vault.redis_encryption_key_${i}_old>
    hashing:
      keys:
        current: <vault.redis_hashing_key>
`;
  const tls = `tls:
  "redis-tls":
    caFile: "/etc/maverics/certs/redis-ca.pem"
    minVersion: "1.2"
  server-tls:
    certFile: /etc/maverics/certs/server.pem
    keyFile: /etc/maverics/certs/server-key.pem
`;
  const gateway = `http:
  address: ":9443"
  tls: server-tls
connectors:
  - name: okta-${i}
    type: okta
    oauthClientID: "0oa${i}client"
    oauthClientSecret: <vault.okta_client_secret>
apps:
  - name: portal-${i}
    type: proxy
    authentication:
      idps:
        - okta-${i}
oidcProvider:
  cache: ${name}
logger:
  level: info
`;
  // Every fifth file has a problem or two, as a real repository would.
  const flaw = i % 5 === 0 ? `session:\n  cookieDomain: example.com\n` : '';
  return `# Generated for the many-files benchmark (${i}).\nversion: 1\n${tls}caches:\n${cache}${gateway}${flaw}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const bin = ensureBuilt();
const dir = mkdtempSync(join(tmpdir(), 'maverics-many-'));
try {
  const paths: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, `team-${i % 20}`);
    mkdirSync(sub, { recursive: true });
    const file = join(sub, i % 2 ? `svc-${i}.maverics.yaml` : `maverics-${i}.yaml`);
    writeFileSync(file, config(i));
    paths.push(file);
  }

  const cli: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const r = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', ...paths], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    cli.push(performance.now() - started);
    if (r.status !== 0 && r.status !== 1) throw new Error(`lint exited ${r.status}: ${r.stderr}`);
    const results = JSON.parse(r.stdout) as unknown[];
    if (results.length !== FILES) throw new Error(`expected ${FILES} results, got ${results.length}`);
  }

  const api: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const results = await lintFiles(paths);
    api.push(performance.now() - started);
    if (results.length !== FILES) throw new Error('lintFiles lost files');
  }

  const cliMs = median(cli);
  const apiMs = median(api);
  const rate = (ms: number) => Math.round(FILES / (ms / 1000));
  console.log(`| what | files | median of ${RUNS} | files/s | target |`);
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| \`maverics-config lint\` (one process, start-up included) | ${FILES} | ${cliMs.toFixed(0)} ms | ${rate(cliMs)} | ≥ ${TARGET} |`);
  console.log(`| \`lintFiles()\` in process (warm) | ${FILES} | ${apiMs.toFixed(0)} ms | ${rate(apiMs)} | |`);
  console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}. Reproduce: npx tsx bench/many-files.bench.ts (or npm run bench -- many-files)`);
  if (rate(cliMs) < TARGET) {
    console.log(`\nBelow the target of ${TARGET} files/s.`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
