/**
 * Secret resolution against loopback servers that answer every request after 50 ms:
 * 200 references over 20 distinct secrets. Reports provider requests (target: 20, one per distinct
 * secret), HTTP requests the server saw, the most requests in flight, and wall time (target: under
 * three 50 ms round trips plus start-up; 20 secrets at the default concurrency of 16 need two waves).
 *
 * Reproduce: npx tsx bench/secrets.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { resolveSecrets, type SecretUse } from '../src/secrets/resolver.js';
import { AwsSecretsTestServer } from '../test/support/aws-secrets-server.js';
import { VaultTestServer } from '../test/support/vault-server.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const LATENCY_MS = 50;
const REFERENCES = 200;
const DISTINCT = 20;
const RUNS = 5;

interface Row {
  scenario: string;
  run: string;
  requests: number;
  http: number;
  inFlight: number;
  wallMs: number;
  problems: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function measure(
  scenario: string,
  uses: SecretUse[],
  url: string,
  env: Record<string, string>,
  server: { resetCounters(): void; requests: number; maxInFlight: number },
  concurrency?: number,
): Promise<Row[]> {
  const rows: Row[] = [];
  const warm: Row[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    server.resetCounters();
    const started = performance.now();
    const result = await resolveSecrets(uses, { secretProvider: url, env, ...(concurrency === undefined ? {} : { concurrency }) });
    const row: Row = {
      scenario,
      run: i === 0 ? 'cold (first, imports the client)' : 'warm',
      requests: result.requests,
      http: server.requests,
      inFlight: server.maxInFlight,
      wallMs: performance.now() - started,
      problems: result.problems.length,
    };
    if (i === 0) rows.push(row);
    else warm.push(row);
  }
  const last = warm[warm.length - 1] as Row;
  rows.push({ ...last, run: `warm, median of ${RUNS}`, wallMs: median(warm.map((r) => r.wallMs)) });
  return rows;
}

const vault = await new VaultTestServer().start();
vault.addToken('bench-token').mount('secret', 2);
for (let i = 0; i < DISTINCT; i++) vault.put('secret', `bench/app${i}`, { password: `vault-${i}` });
for (let i = 0; i < DISTINCT; i++) vault.put('secret', `app${i}`, { password: `vault-root-${i}` });
vault.put('secret', 'flat', Object.fromEntries(Array.from({ length: DISTINCT }, (_, i) => [`app${i}.password`, `flat-${i}`])));
vault.faults.delayMs = LATENCY_MS;

const aws = await new AwsSecretsTestServer().start();
aws.allowAccessKey('AKIDBENCH');
for (let i = 0; i < DISTINCT; i++) aws.put(`bench/app${i}`, { password: `aws-${i}` });
aws.faults.delayMs = LATENCY_MS;

const dotted = Array.from({ length: REFERENCES }, (_, i) => ({ reference: `app${i % DISTINCT}.password`, path: ['apps', i, 'secret'] }));
const mountRoot = Array.from({ length: REFERENCES }, (_, i) => ({ reference: `app${i % DISTINCT}.password`, path: ['apps', i, 'secret'] }));
const awsUses = Array.from({ length: REFERENCES }, (_, i) => ({ reference: `bench/app${i % DISTINCT}:password`, path: ['apps', i, 'secret'] }));

const rows = [
  ...(await measure(
    'Vault KV v2, URL names the mount `secret/data`: `<appN.password>` → secret appN',
    mountRoot,
    `hashivault+http://${vault.url}/secret/data?token=bench-token`,
    {},
    vault,
  )),
  ...(await measure(
    'Vault KV v2, URL names the folder `secret/data/bench`: `<appN.password>` → secret bench/appN',
    dotted,
    `hashivault+http://${vault.url}/secret/data/bench?token=bench-token`,
    {},
    vault,
  )).slice(1),
  ...(await measure('Vault KV v2, flat dotted keys in one secret (the seed.sh layout)', dotted, `hashivault+http://${vault.url}/secret/data/flat?token=bench-token`, {}, vault)).slice(1),
  ...(await measure(
    'AWS Secrets Manager, `<bench/appN:password>`',
    awsUses,
    'awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIDBENCH&secretAccessKey=bench',
    { AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint },
    aws,
  )),
  ...(await measure(
    'AWS Secrets Manager, same, concurrency 20 (the floor: one wave)',
    awsUses,
    'awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIDBENCH&secretAccessKey=bench',
    { AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint },
    aws,
    20,
  )),
];

// The run's one budget (issue 10 item 12): failing and silent servers, default resolver options.
const budgetRows: { scenario: string; wallMs: number; requests: number; problems: number }[] = [];
{
  vault.resetCounters();
  vault.faults.delayMs = 4800;
  vault.faults.failNext(1000, 503);
  const started = performance.now();
  const result = await resolveSecrets([{ reference: 'x', path: ['x'] }], { secretProvider: `hashivault+http://${vault.url}/secret/data/flat?token=bench-token`, env: {} });
  budgetRows.push({ scenario: 'Vault answering 503 after 4.8 s, 1 reference', wallMs: performance.now() - started, requests: result.requests, problems: result.problems.length });
  vault.faults.reset();
}
{
  aws.faults.delayMs = 120_000;
  const silent = Array.from({ length: 100 }, (_, i): SecretUse => ({ reference: `silent/s${i}`, path: ['x', i] }));
  const started = performance.now();
  const result = await resolveSecrets(silent, {
    secretProvider: 'awssecretsmanager://amazonaws.com?region=us-west-2&accessKeyID=AKIDBENCH&secretAccessKey=bench',
    env: { AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint },
  });
  budgetRows.push({ scenario: 'silent AWS endpoint, 100 references', wallMs: performance.now() - started, requests: result.requests, problems: result.problems.length });
  aws.faults.reset();
}
await vault.stop();
await aws.stop();

console.log(`${REFERENCES} references over ${DISTINCT} distinct secrets, server latency ${LATENCY_MS} ms, concurrency 16 (the default) unless stated\n`);
console.log('| scenario | run | provider requests | HTTP requests | max in flight | wall ms | round trips (wall / 50 ms) | problems |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.scenario} | ${r.run} | ${r.requests} | ${r.http} | ${r.inFlight} | ${r.wallMs.toFixed(1)} | ${(r.wallMs / LATENCY_MS).toFixed(2)} | ${r.problems} |`);
}
console.log('\nThe run\'s one budget (default 10 s), default options\n');
console.log('| scenario | wall ms | provider requests | problems |');
console.log('|---|---:|---:|---:|');
for (const r of budgetRows) console.log(`| ${r.scenario} | ${r.wallMs.toFixed(0)} | ${r.requests} | ${r.problems} |`);
console.log(`\nReproduce: npx tsx bench/secrets.bench.ts  (Node ${process.version}, ${process.platform}/${process.arch})`);
