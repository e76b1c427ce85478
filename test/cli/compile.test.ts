import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mc-compile-'));
const file = join(dir, 'maverics.yaml');
writeFileSync(
  file,
  `version: 1.0
http:
  address: "{{ env.ADDR }}:{{env.PORT}}"
tls:
  x:
    # TLS 1.3 written unquoted: YAML reads a float; below 1.2 would stop start-up (tls-min-version).
    minVersion: 1.3
    caFile: /ca.pem
caches:
  - name: c
    type: redis
    redis:
      addresses: ["localhost:6379"]
      password: "{{ env.REDIS_PW }}"
      tls: x
    encryption:
      keys:
        current: <vault.redis_key>
`,
);

test('env templates substituted, references kept, scalars as written', () => {
  const r = runCli(['compile', file], { env: { ADDR: '0.0.0.0', PORT: '9443', REDIS_PW: 'CANARY-pw' } });
  assert.is(r.code, 0, r.stderr);
  const config = JSON.parse(r.stdout) as { version: string; http: { address: string }; tls: { x: { minVersion: string } }; caches: { redis: { password: string }; encryption: { keys: { current: string } } }[] };
  // `1.0` unquoted is the number 1 to YAML: compiled as written.
  assert.is(config.version, '1.0');
  assert.is(config.http.address, '0.0.0.0:9443');
  assert.is(config.tls.x.minVersion, '1.3');
  assert.is(config.caches[0]?.encryption.keys.current, '<vault.redis_key>');
  // A template at a secret-bearing key stays a template: compiled output never carries a secret.
  assert.is(config.caches[0]?.redis.password, '{{ env.REDIS_PW }}');
  assert.not.match(r.stdout + r.stderr, /CANARY/);
});

test('unset variables are warned about; --env-file replaces the process environment; --out writes a file', () => {
  const envFile = join(dir, '.env');
  writeFileSync(envFile, '# comment\nexport ADDR=127.0.0.1\nPORT="8443"\n');
  const out = join(dir, 'out.json');
  const r = runCli(['compile', '--env-file', envFile, '--out', out, file], { env: { REDIS_PW: undefined } });
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /unset-env-var/);
  assert.match(r.stderr, /REDIS_PW/);
  assert.is((JSON.parse(readFileSync(out, 'utf8')) as { http: { address: string } }).http.address, '127.0.0.1:8443');
});

test('a config with errors is not compiled: diagnostics on stderr, exit 1', () => {
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'version: 1\ncaches:\n  - name: local_default\n    type: redis\n    redis: { addresses: [h:1] }\n    encryption: { disabled: true }\n');
  const r = runCli(['compile', broken]);
  assert.is(r.code, 1);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /reserved-cache-name/);
});

test('usage: exactly one file', () => {
  assert.is(runCli(['compile']).code, 2);
  assert.is(runCli(['compile', file, file]).code, 2);
  assert.is(runCli(['compile', '--env-file', join(dir, 'nope'), file]).code, 2);
});

test.run();
