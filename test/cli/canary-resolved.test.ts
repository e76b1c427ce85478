/**
 * Canaries in resolved values, through every command and format and the library: an address, a
 * username and a TLS key from a secret file, an address and a PEM key from environment variables.
 * Everything printed, and every error with its `cause` chain (util.inspect at depth), is searched.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkText, loadConfig } from '../../src/index.js';
import { runCliAsync, type CliRun } from '../support/cli.js';
import { aclArgs, startRedis, stopAll, tempDir, type RedisServer } from '../support/redis-servers.js';

const canary = (label: string) => `CANARY${label}${randomBytes(6).toString('hex')}`;
const C = { addrPw: canary('addrpw'), user: canary('user'), keyPath: canary('keypath'), queryPw: canary('querypw'), pem: canary('pem'), encKey: canary('enckey') };
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab'];
const dir = tempDir('mc-canary-resolved-');
let plain: RedisServer;
let acl: RedisServer;
let echo: Server;
let echoAddress: string;
const sockets = new Set<Socket>();
let provider: string;
let env: Record<string, string>;
let files: Record<string, string>;

const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function assertClean(label: string, text: string): void {
  for (const [name, value] of Object.entries(C)) assert.not.ok(text.includes(value), `${label}: printed the ${name} canary`);
}

const cache = (name: string, redis: string, extra = '') => `  - name: ${name}
    type: redis
    redis:
${redis}
    encryption:
      disabled: true${extra}
`;

test.before(async () => {
  [plain, acl] = await Promise.all([startRedis(), startRedis({ args: aclArgs('alice', 'right-password') })]);
  echo = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.pipe(s);
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  echoAddress = `127.0.0.1:${(echo.address() as { port: number }).port}`;
  const secrets = write(
    'secrets.yaml',
    `secrets:\n  redis_addr: "redis://u:${C.addrPw}@${plain.address}"\n  redis_user: ${C.user}\n  redis_pw: wrong-password\n  tls_key: ${C.keyPath}\n`,
  );
  provider = `secretfile://${secrets}`;
  env = {
    ADDR: `${plain.address}?password=${C.queryPw}`,
    TLSKEY: `-----BEGIN PRIVATE KEY-----\n${C.pem}\n-----END PRIVATE KEY-----\n`,
    ENCKEY: C.encKey,
  };
  write('.env', Object.entries(env).map(([k, v]) => `${k}="${v.replace(/\n/g, '\\n')}"`).join('\n'));
  files = {
    // Item 1: an address from a reference resolving to a URL with credentials.
    address: write('address.yaml', `version: 0.3\ncaches:\n${cache('a', '      addresses: ["<redis_addr>"]')}`),
    // Item 5: an address from an env variable with a password in a query string.
    envAddress: write('env-address.yaml', `version: 0.3\ncaches:\n${cache('b', '      addresses: ["{{ env.ADDR }}"]')}`),
    // Item 2: a TLS key reference that is neither PEM nor a readable path.
    tlsKey: write(
      'tls-key.yaml',
      `version: 0.3\ncaches:\n${cache('c', `      addresses: ["${plain.address}"]\n      tls: client`)}tls:\n  client:\n    certFile: /etc/ssl/certs/client.pem\n    keyFile: <tls_key>\n`,
    ),
    // Item 4: a username from a reference, with a password Redis refuses.
    username: write('username.yaml', `version: 0.3\ncaches:\n${cache('d', `      addresses: ["${acl.address}"]\n      username: <redis_user>\n      password: <redis_pw>`)}`),
    // Item 20: an encryption key from a variable that is not 64 hex characters.
    encKey: write('enc-key.yaml', `version: 0.3\ncaches:\n  - name: e\n    type: redis\n    redis:\n      addresses: ["${plain.address}"]\n    encryption:\n      keys:\n        current: "{{ env.ENCKEY }}"\n`),
    // Item 3: a PEM key from a variable, through compile.
    pem: write('pem.yaml', `version: 0.3\ntls:\n  server:\n    certFile: /etc/ssl/server.pem\n    keyFile: "{{ env.TLSKEY }}"\nhttp:\n  tls: server\n`),
    // Item 9: a TCP echo server is not Redis.
    echo: write('echo.yaml', `version: 0.3\ncaches:\n${cache('f', `      addresses: ["${echoAddress}"]`)}`),
  };
});

test.after(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => echo.close(r));
  await stopAll([plain, acl]);
});

const cli = (args: string[]): Promise<CliRun> => runCliAsync(args, { env: { ...env, MAVERICS_SECRET_PROVIDER: provider } });

test('check --connect in every format: each problem found, no canary printed', async () => {
  const expected: Record<string, RegExp> = {
    address: /redis-address/,
    envAddress: /redis-address/,
    tlsKey: /redis-tls-handshake/,
    username: /redis-auth-failed/,
    encKey: /encryption-key-format/,
    echo: /redis-unreachable/,
  };
  for (const [name, pattern] of Object.entries(expected)) {
    for (const format of FORMATS) {
      const r = await cli(['check', '--connect', '--format', format, files[name] as string]);
      assert.is(r.code, 1, `${name} ${format}: ${r.stderr}`);
      assert.match(r.stdout, pattern, `${name} ${format}: ${r.stdout}`);
      assertClean(`check ${name} --format ${format}`, r.stdout + r.stderr);
    }
  }
  const shapes = await cli(['check', '--format', 'json', files.address as string]);
  assert.match(shapes.stdout, /a URL with scheme redis:\/\/ and credentials/);
  const query = await cli(['check', '--format', 'json', files.envAddress as string]);
  assert.match(query.stdout, /a query string/);
  const user = await cli(['check', '--connect', files.username as string]);
  assert.match(user.stdout, /the user from <redis_user>/);
});

test('compile and lint: a PEM key from a variable stays a template; nothing printed holds a canary', async () => {
  for (const file of Object.values(files)) {
    for (const args of [['compile', file], ['compile', '--env-file', join(dir, '.env'), file], ['lint', file]]) {
      const r = await cli(args);
      assertClean(args.join(' '), r.stdout + r.stderr);
    }
  }
  const r = await cli(['compile', files.pem as string]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /"keyFile": "\{\{ env\.TLSKEY \}\}"/);
});

test('the library: checkText results and loadConfig errors, cause chains included, hold no canary', async () => {
  for (const [name, file] of Object.entries(files)) {
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    const result = await checkText(text, { secretProvider: provider, env, connect: { timeoutMs: 3000 } });
    assertClean(`checkText ${name}`, inspect(result, { depth: 20 }));
    const outcome = await loadConfig({ text, secretProvider: provider, env, redis: { connectTimeoutMs: 3000 } }).then(
      async (loaded) => {
        await loaded.registry.close();
        return loaded;
      },
      (error: unknown) => error,
    );
    assertClean(`loadConfig ${name}`, inspect(outcome, { depth: 20 }) + (outcome instanceof Error ? String(outcome.stack) : ''));
  }
});

test.run();
