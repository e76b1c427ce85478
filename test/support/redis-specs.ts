import { randomBytes } from 'node:crypto';
import { SecretValue } from '../../src/base/secret-value.js';
import type { RedisCacheSpec } from '../../src/cache/index.js';

export function hexKey(): string {
  return randomBytes(32).toString('hex');
}

export function secret(value: string, reference = 'test.secret'): SecretValue {
  return new SecretValue(value, reference);
}

export interface SpecKeys {
  enc: string;
  oldEnc?: string[];
  hash: string;
  oldHash?: string[];
}

export function freshKeys(): SpecKeys {
  return { enc: hexKey(), hash: hexKey() };
}

/** A spec for `addresses` with encryption and keyed hashing on, unless overridden. */
export function redisSpec(name: string, addresses: string[], keys: SpecKeys = freshKeys(), extra: Partial<RedisCacheSpec> = {}): RedisCacheSpec {
  return {
    name,
    addresses,
    encryption: { disabled: false, current: secret(keys.enc, 'vault.enc'), old: (keys.oldEnc ?? []).map((k, i) => secret(k, `vault.enc_old${i}`)) },
    hashing: { disabled: false, current: secret(keys.hash, 'vault.hash'), old: (keys.oldHash ?? []).map((k, i) => secret(k, `vault.hash_old${i}`)) },
    ...extra,
  };
}

/** Distinctive strings that must never show up in Redis, an error, or an event. */
export function canary(label: string): string {
  return `CANARY-${label}-${randomBytes(6).toString('hex')}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
