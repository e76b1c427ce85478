import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Redis } from 'ioredis';
import { specAddresses, unparsableAddress, type RedisAddress } from '../config/redis-address.js';
import type { RedisCacheSpec } from './redis-cache.js';
import { askOnce, redisModeOf, type ConnectionParams, type Topology } from './redis-connect.js';
import { classifyRedisError, safeReason } from './redis-errors.js';
import { loadTlsOptions } from './redis-tls.js';
import { speaksPlaintextRedis, speaksTls } from './probe-sniff.js';

export type ProbeRuleId = 'redis-unreachable' | 'redis-auth-failed' | 'redis-tls-handshake' | 'redis-cluster-incomplete';

export interface ProbeProblem {
  ruleId: ProbeRuleId;
  /** What failed and what to fix; names the address, never a password or key. */
  message: string;
  /** Index into `spec.addresses` of the address concerned, when there is one. */
  addressIndex?: number;
}

export interface ProbeOptions {
  /** Per-connection deadline in ms (default 3000); the whole probe takes at most about twice this. */
  timeoutMs?: number;
  sentinelMasterName?: string;
}

type NodeResult = { ok: true; mode: Topology; index: number } | { ok: false; index: number };

/**
 * `check --connect`: connects to every address of one Redis cache the way the runtime would (same
 * credentials, same TLS options), and reports what fails as problems keyed by rule id. Connections
 * are one-shot (no retries, no queue) and all closed before it resolves; it never rejects for a
 * network failure.
 */
export async function probeRedis(spec: RedisCacheSpec, options: ProbeOptions = {}): Promise<ProbeProblem[]> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const problems: ProbeProblem[] = [];
  const addresses = specAddresses(spec.addresses, spec.addressLabels);
  addresses.forEach((a, i) => {
    if (!a) problems.push({ ruleId: 'redis-unreachable', addressIndex: i, message: `cache "${spec.name}": ${unparsableAddress(spec.addresses[i] as string, i, spec.addressLabels?.[i])}, so it cannot be connected to` });
  });
  let params: ConnectionParams;
  try {
    params = {
      cache: spec.name,
      addresses: addresses.filter((a): a is RedisAddress => a !== undefined),
      username: spec.username,
      password: spec.password?.reveal(),
      tls: spec.tls ? await loadTlsOptions(spec.name, spec.tls) : undefined,
      connectTimeoutMs: timeoutMs,
      commandTimeoutMs: timeoutMs,
    };
  } catch (err) {
    problems.push({ ruleId: 'redis-tls-handshake', message: `${safeReason(err)}: fix the TLS profile's file paths` });
    return problems;
  }

  const results = await Promise.all(
    addresses.map(async (address, index): Promise<NodeResult | undefined> => {
      if (!address) return undefined;
      try {
        return { ok: true, mode: await askMode(params, address), index };
      } catch (err) {
        problems.push((await tlsMismatch(spec, address, index, err, params)) ?? problemFor(spec, address, index, err, params));
        return { ok: false, index };
      }
    }),
  );

  const reachable = results.filter((r): r is NodeResult & { ok: true } => r?.ok === true);
  const cluster = reachable.find((r) => r.mode === 'cluster');
  if (cluster) {
    const problem = await checkClusterCoverage(spec, params, addresses[cluster.index] as RedisAddress, addresses);
    if (problem) problems.push(problem);
  }
  const sentinel = reachable.find((r) => r.mode === 'sentinel');
  if (sentinel) {
    const problem = await checkSentinelMaster(spec, params, addresses[sentinel.index] as RedisAddress, sentinel.index, options);
    if (problem) problems.push(problem);
  }
  return problems.sort((a, b) => (a.addressIndex ?? -1) - (b.addressIndex ?? -1));
}

/** INFO server with the cache's credentials; a sentinel without ACLs is accepted without them. */
async function askMode(params: ConnectionParams, address: RedisAddress): Promise<Topology> {
  try {
    return redisModeOf(await askOnce(params, address, (c) => c.info('server')));
  } catch (err) {
    if (classifyRedisError(err) !== 'auth' || (params.username === undefined && params.password === undefined)) throw err;
    const mode = await askOnce(params, address, (c) => c.info('server'), false).then(redisModeOf, () => undefined);
    if (mode === 'sentinel') return mode;
    throw err;
  }
}

/**
 * A connection that timed out under TLS, or was reset without it, may be a TLS mismatch rather
 * than an unreachable server; the sniffers tell which.
 */
async function tlsMismatch(spec: RedisCacheSpec, address: RedisAddress, index: number, err: unknown, params: ConnectionParams): Promise<ProbeProblem | undefined> {
  const kind = classifyRedisError(err);
  if (kind !== 'timeout' && kind !== 'unavailable' && kind !== 'unreachable') return undefined;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(safeReason(err))) return undefined;
  const where = `cache "${spec.name}": Redis at ${address.text}`;
  if (params.tls && (await speaksPlaintextRedis(address, params.connectTimeoutMs))) {
    return {
      ruleId: 'redis-tls-handshake',
      addressIndex: index,
      message: `${where} speaks plaintext, so the TLS handshake cannot complete. Enable TLS on the server (tls-port) or point the address at its TLS port; remove redis.tls only if the network is trusted.`,
    };
  }
  if (!params.tls && (await speaksTls(address, params.connectTimeoutMs))) {
    return {
      ruleId: 'redis-tls-handshake',
      addressIndex: index,
      message: `${where} expects TLS, but the cache has no TLS profile. Set redis.tls to a profile whose caFile holds the CA that signed the server's certificate.`,
    };
  }
  return undefined;
}

function problemFor(spec: RedisCacheSpec, address: RedisAddress, index: number, err: unknown, params: ConnectionParams, role = 'Redis'): ProbeProblem {
  const where = `cache "${spec.name}": ${role} at ${address.text}`;
  const reason = safeReason(err);
  switch (classifyRedisError(err)) {
    case 'auth': {
      // A username from a secret is named by its reference: the value is as secret as the password.
      const user = spec.usernameReference ? `the user from <${spec.usernameReference}>` : spec.username ? `user "${spec.username}"` : 'the default user';
      if (!spec.password && !spec.username) {
        return {
          ruleId: 'redis-auth-failed',
          addressIndex: index,
          message: `${where} requires authentication (${reason}), but the cache has no username or password. Set redis.username and redis.password to a Redis ACL user's credentials, preferably as a secret reference.`,
        };
      }
      const ref = spec.password ? ` If the password is the secret reference <${spec.password.reference}>, check that the secret provider resolves it to the current password.` : '';
      return {
        ruleId: 'redis-auth-failed',
        addressIndex: index,
        message: `${where} refused the credentials for ${user} (${reason}). Confirm the username and password match a Redis ACL user that is enabled and may run GET, SET, DEL and INFO.${ref}`,
      };
    }
    case 'tls':
      return {
        ruleId: 'redis-tls-handshake',
        addressIndex: index,
        message:
          `${where}: TLS handshake failed (${reason}). Ensure the TLS profile's caFile holds the CA that signed the server's certificate, ` +
          `that the certificate names the host "${address.host}", that the server accepts TLS ${spec.tls?.minVersion ?? '1.2'} or later, ` +
          'and that this port speaks TLS at all (a plaintext server cannot complete a handshake).',
      };
    default: {
      if ((err as { code?: unknown } | null)?.code === 'ENOTREDIS') {
        return {
          ruleId: 'redis-unreachable',
          addressIndex: index,
          message: `${where} answered, but not as a Redis server does (${reason}). Check that the address and port are Redis's, not another service's.`,
        };
      }
      const dns = /ENOTFOUND|EAI_AGAIN/.test(reason) ? ` The host name "${address.host}" does not resolve.` : '';
      return {
        ruleId: 'redis-unreachable',
        addressIndex: index,
        message: `${where} is unreachable (${reason}).${dns} Verify Redis is accessible from this host, that the address and port are correct, and that firewalls allow the connection.`,
      };
    }
  }
}

/** `ip:port` strings of the masters in a CLUSTER NODES reply that serve slots and are not failed. */
export function clusterMasters(nodes: string): Array<{ host: string; port: number }> {
  const out: Array<{ host: string; port: number }> = [];
  for (const line of nodes.split('\n')) {
    const fields = line.trim().split(' ');
    if (fields.length < 8) continue;
    const flags = (fields[2] ?? '').split(',');
    if (!flags.includes('master') || flags.includes('fail') || flags.includes('noaddr') || flags.includes('handshake')) continue;
    // ip:port@cport[,hostname]
    const endpoint = (fields[1] ?? '').split('@')[0] ?? '';
    const cut = endpoint.lastIndexOf(':');
    const host = endpoint.slice(0, cut).replace(/^\[|\]$/g, '');
    const port = Number(endpoint.slice(cut + 1));
    if (host && port) out.push({ host, port });
  }
  return out;
}

async function resolveAll(host: string): Promise<string[]> {
  if (isIP(host)) return [host];
  try {
    return (await lookup(host, { all: true })).map((r) => r.address);
  } catch {
    return [];
  }
}

async function checkClusterCoverage(
  spec: RedisCacheSpec,
  params: ConnectionParams,
  node: RedisAddress,
  addresses: Array<RedisAddress | undefined>,
): Promise<ProbeProblem | undefined> {
  let nodes: string;
  try {
    nodes = String(await askOnce(params, node, (c: Redis) => c.call('CLUSTER', 'NODES')));
  } catch (err) {
    return problemFor(spec, node, addresses.indexOf(node), err, params);
  }
  const listed = new Set<string>();
  for (const a of addresses) {
    if (!a) continue;
    for (const ip of await resolveAll(a.host)) listed.add(`${ip}|${a.port}`);
    listed.add(`${a.host}|${a.port}`);
  }
  const missing = clusterMasters(nodes).filter((m) => !listed.has(`${m.host}|${m.port}`));
  if (missing.length === 0) return undefined;
  const names = missing.map((m) => (isIP(m.host) === 6 ? `[${m.host}]:${m.port}` : `${m.host}:${m.port}`));
  return {
    ruleId: 'redis-cluster-incomplete',
    message:
      `cache "${spec.name}": the Redis cluster has ${missing.length} master(s) not listed in redis.addresses: ${names.join(', ')}. ` +
      'List every cluster node, or requests fail with MOVED when the listed nodes are down.',
  };
}

/** A sentinel answered: the master it names must accept the cache's credentials too. */
async function checkSentinelMaster(
  spec: RedisCacheSpec,
  params: ConnectionParams,
  sentinel: RedisAddress,
  index: number,
  options: ProbeOptions,
): Promise<ProbeProblem | undefined> {
  let master: RedisAddress;
  try {
    const ask = async (c: Redis): Promise<unknown> => {
      let name = options.sentinelMasterName;
      if (!name) {
        const masters = (await c.call('SENTINEL', 'MASTERS')) as unknown[];
        const first = Array.isArray(masters) && Array.isArray(masters[0]) ? (masters[0] as unknown[]) : [];
        name = String(first[first.indexOf('name') + 1] ?? '');
      }
      return (await c.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name)) as unknown;
    };
    // Sentinels usually have no ACL of their own; ask without credentials first, then with them.
    const reply = await askOnce(params, sentinel, ask, false).catch(() => askOnce(params, sentinel, ask, true));
    if (!Array.isArray(reply) || reply.length < 2) {
      return { ruleId: 'redis-unreachable', addressIndex: index, message: `cache "${spec.name}": the sentinel at ${sentinel.text} knows no master to connect to` };
    }
    const host = String(reply[0]);
    master = { host, port: Number(reply[1]), text: isIP(host) === 6 ? `[${host}]:${reply[1]}` : `${host}:${reply[1]}` };
  } catch {
    return undefined; // the sentinel itself answered INFO; its own problems were reported above
  }
  try {
    await askOnce(params, master, (c) => c.ping());
    return undefined;
  } catch (err) {
    return problemFor(spec, master, index, err, params, `the sentinel's master (via ${sentinel.text})`);
  }
}
