// Real redis-server processes for the cache tests: loopback only, free ports picked here (never
// 6379, where a shared server listens), temp dirs, no persistence. Every process is killed when the
// test process exits, even on a crash, so no test leaves a server behind.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, HANG_GUARD_MS } from './settle.js';

const children = new Set<ChildProcess>();
const dirs = new Set<string>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
// A test run stopped by `timeout` or Ctrl-C ends without 'exit' unless the signal is handled; the
// servers would outlive it.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(signal, () => process.exit(128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15)));
}

export function tempDir(prefix = 'mc-redis-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * The first port the kernel hands out for outgoing connections. Test servers stay below it: a client
 * reconnecting to a killed server's port in that range can be given that very port as its own source
 * port, connect to itself (TCP simultaneous open) and hold the port, so the server cannot come back.
 */
function ephemeralStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 21000 ? low : 32768;
  } catch {
    return 32768;
  }
}

/** A free loopback port (and, for cluster nodes, its bus port +10000 free too), below the ephemeral range. */
export async function freePort(options: { clusterBus?: boolean } = {}): Promise<number> {
  // Cluster bus ports are the port + 10000, so ports stay 10000 below the ephemeral range.
  const span = ephemeralStart() - 10000 - 10000;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 10000 + Math.floor(Math.random() * span);
    if (port === 6379 || port === 16379) continue;
    if (!(await portIsFree(port))) continue;
    if (options.clusterBus && !(await portIsFree(port + 10000))) continue;
    return port;
  }
  throw new Error('no free port found');
}

export interface RedisServer {
  port: number;
  dir: string;
  address: string;
  /** Extra command-line arguments it was started with, to restart it the same way. */
  args: string[];
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
  restart(): Promise<void>;
  /** redis-cli against this server (plaintext servers only unless cliArgs given). */
  cli(...args: string[]): string;
}

export interface StartOptions {
  port?: number;
  /** Arguments after the defaults, e.g. ['--requirepass', 'x']. */
  args?: string[];
  /** Arguments for redis-cli (auth, TLS). */
  cliArgs?: string[];
  /** The port redis-server listens on is a TLS port (plaintext --port 0). */
  tls?: boolean;
  sentinelConfig?: string;
  ready?: RegExp;
}

function waitForPort(port: number, deadlineMs: number, exited: () => boolean): Promise<void> {
  const until = Date.now() + deadlineMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (exited()) reject(new Error(`redis on port ${port} exited while starting`));
        else if (Date.now() > until) reject(new Error(`redis on port ${port} did not start`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export async function startRedis(options: StartOptions = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const dir = tempDir();
  const base = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'];
  const portArgs = options.tls ? ['--port', '0', '--tls-port', String(port)] : ['--port', String(port)];
  let args: string[];
  if (options.sentinelConfig !== undefined) {
    const conf = join(dir, 'sentinel.conf');
    writeFileSync(conf, `port ${port}\nbind 127.0.0.1\ndir ${dir}\n${options.sentinelConfig}\n`);
    args = [conf, '--sentinel'];
  } else {
    args = [...base, ...portArgs, ...(options.args ?? [])];
  }
  const server: RedisServer = {
    port,
    dir,
    address: `127.0.0.1:${port}`,
    args,
    process: undefined as unknown as ChildProcess, // set by launch() below before anyone reads it
    async stop(signal: NodeJS.Signals = 'SIGKILL') {
      const child = server.process;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
      });
      children.delete(child);
    },
    async restart() {
      await server.stop();
      await launch();
    },
    cli(...cliArgs: string[]) {
      return execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...(options.cliArgs ?? []), ...cliArgs], {
        encoding: 'utf8',
        timeout: 10_000,
      });
    },
  };
  let output = '';
  const launch = async () => {
    output = '';
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    children.add(child);
    child.once('exit', () => children.delete(child));
    server.process = child;
    try {
      await waitForPort(port, HANG_GUARD_MS, () => child.exitCode !== null || child.signalCode !== null);
    } catch (err) {
      child.kill('SIGKILL');
      throw new Error(`${(err as Error).message}\n${output}`, { cause: err });
    }
  };
  await launch();
  return server;
}

export async function stopAll(servers: Array<RedisServer | undefined>): Promise<void> {
  await Promise.all(servers.map((s) => s?.stop()));
}

/** A server with an ACL user `alice` whose password is given; the default user is disabled. */
export function aclArgs(user: string, password: string): string[] {
  const file = join(tempDir('mc-acl-'), 'users.acl');
  writeFileSync(file, `user ${user} on >${password} ~* &* +@all\nuser default off\n`);
  return ['--aclfile', file];
}

export interface Certs {
  dir: string;
  ca: string;
  cert: string;
  key: string;
  /** A second CA that signed nothing the server uses: trusting it alone must fail. */
  otherCa: string;
  clientCert: string;
  clientKey: string;
}

/** A CA, a server certificate for localhost/127.0.0.1, a client certificate, and an unrelated CA. */
export function makeCerts(): Certs {
  const dir = tempDir('mc-certs-');
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=maverics-test-ca', '-days', '2');
  run('req', '-x509', ...ec, '-keyout', 'other-ca.key', '-out', 'other-ca.crt', '-subj', '/CN=other-ca', '-days', '2');
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'san.ext');
  run('req', ...ec, '-keyout', 'client.key', '-out', 'client.csr', '-subj', '/CN=client');
  run('x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.crt', '-days', '2');
  return {
    dir,
    ca: join(dir, 'ca.crt'),
    cert: join(dir, 'server.crt'),
    key: join(dir, 'server.key'),
    otherCa: join(dir, 'other-ca.crt'),
    clientCert: join(dir, 'client.crt'),
    clientKey: join(dir, 'client.key'),
  };
}

export function tlsArgs(certs: Certs, protocols = 'TLSv1.2 TLSv1.3', authClients = 'no'): string[] {
  return [
    '--tls-cert-file', certs.cert,
    '--tls-key-file', certs.key,
    '--tls-ca-cert-file', certs.ca,
    '--tls-auth-clients', authClients,
    '--tls-protocols', protocols,
  ];
}

export function tlsCliArgs(certs: Certs): string[] {
  return ['--tls', '--cacert', certs.ca];
}

/**
 * `count` masters with `replicas` replicas each, all slots covered, `cluster_state:ok` on every node
 * and every replica attached. Nodes are returned masters first, as `redis-cli --cluster create` assigns
 * them.
 */
export async function startCluster(count = 3, replicas = 0): Promise<RedisServer[]> {
  const nodes: RedisServer[] = [];
  try {
    for (let i = 0; i < count * (1 + replicas); i++) {
      const port = await freePort({ clusterBus: true });
      nodes.push(
        await startRedis({
          port,
          args: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '3000'],
        }),
      );
    }
    execFileSync('redis-cli', ['--cluster', 'create', ...nodes.map((n) => n.address), '--cluster-replicas', String(replicas), '--cluster-yes'], {
      stdio: 'pipe',
      timeout: 30_000,
    });
    for (const node of nodes) {
      await eventually('cluster_state:ok', () => node.cli('cluster', 'info').includes('cluster_state:ok'));
    }
    for (const node of nodes.slice(count)) {
      await eventually('replica in sync', () => /master_link_status:up/.test(node.cli('info', 'replication')));
    }
  } catch (err) {
    await stopAll(nodes);
    throw err;
  }
  return nodes;
}

/** A master, `replicas` replicas and `sentinels` sentinels (quorum: a majority) watching it under `masterName`. */
export async function startSentinelSet(
  masterName: string,
  replicas = 2,
  sentinels = 3,
): Promise<{ master: RedisServer; replicas: RedisServer[]; sentinels: RedisServer[] }> {
  const started: RedisServer[] = [];
  try {
    const master = await startRedis();
    started.push(master);
    const replicaServers: RedisServer[] = [];
    for (let i = 0; i < replicas; i++) {
      const replica = await startRedis({ args: ['--replicaof', '127.0.0.1', String(master.port)] });
      started.push(replica);
      replicaServers.push(replica);
    }
    for (const replica of replicaServers) {
      await eventually('replica in sync', () => /master_link_status:up/.test(replica.cli('info', 'replication')));
    }
    const sentinelServers: RedisServer[] = [];
    for (let i = 0; i < sentinels; i++) {
      const sentinel = await startRedis({
        sentinelConfig: [
          `sentinel monitor ${masterName} 127.0.0.1 ${master.port} ${Math.floor(sentinels / 2) + 1}`,
          `sentinel down-after-milliseconds ${masterName} 5000`,
          `sentinel failover-timeout ${masterName} 10000`,
        ].join('\n'),
      });
      started.push(sentinel);
      sentinelServers.push(sentinel);
    }
    // A SENTINEL FAILOVER needs a sentinel that knows the replicas, and the others must know each other.
    for (const sentinel of sentinelServers) {
      await eventually('sentinel to see the replicas and the other sentinels', () => {
        const info = sentinel.cli('sentinel', 'master', masterName);
        const field = (name: string) => Number(new RegExp(`^${name}\\n(\\d+)`, 'm').exec(info)?.[1]);
        return field('num-slaves') === replicas && field('num-other-sentinels') === sentinels - 1;
      });
    }
    return { master, replicas: replicaServers, sentinels: sentinelServers };
  } catch (err) {
    await stopAll(started);
    throw err;
  }
}

/** A master and one sentinel watching it under `masterName`. */
export async function startSentinel(
  masterName = 'mymaster',
  masterAuth?: { user: string; password: string },
): Promise<{ master: RedisServer; sentinel: RedisServer }> {
  const master = await startRedis(masterAuth ? { args: aclArgs(masterAuth.user, masterAuth.password) } : {});
  const sentinel = await startRedis({
    sentinelConfig: [
      `sentinel monitor ${masterName} 127.0.0.1 ${master.port} 1`,
      `sentinel down-after-milliseconds ${masterName} 5000`,
      `sentinel failover-timeout ${masterName} 10000`,
      ...(masterAuth ? [`sentinel auth-user ${masterName} ${masterAuth.user}`, `sentinel auth-pass ${masterName} ${masterAuth.password}`] : []),
    ].join('\n'),
  });
  await eventually('sentinel to see the master', () => sentinel.cli('sentinel', 'get-master-addr-by-name', masterName).includes(String(master.port)));
  if (masterAuth) master.cli = (...args: string[]) => execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(master.port), '--user', masterAuth.user, '--pass', masterAuth.password, '--no-auth-warning', ...args], { encoding: 'utf8', timeout: 10_000 });
  return { master, sentinel };
}

/** Every key in a server (tests are small: KEYS is fine). */
export function allKeys(server: RedisServer): string[] {
  return server.cli('--raw', 'keys', '*').split('\n').filter(Boolean);
}
