import { createHash, hash } from 'node:crypto';
import type { SecretValue } from '../base/secret-value.js';
import { CacheError } from './cache.js';

export interface HashingSpec {
  disabled: boolean;
  current?: SecretValue;
  old: SecretValue[];
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BLOCK = 64; // SHA-256 block size

interface Pads {
  /** (key ⊕ ipad) followed by the length-prefixed cache name: the fixed start of the inner hash. */
  inner: Buffer;
  /** (key ⊕ opad) followed by room for the inner digest. */
  outer: Buffer;
}

function hmacPads(key: Buffer, namePart: Buffer): Pads {
  const k = key.length > BLOCK ? hash('sha256', key, 'buffer') : key;
  const inner = Buffer.alloc(BLOCK + namePart.length, 0x36);
  const outer = Buffer.alloc(BLOCK + 32, 0x5c);
  for (let i = 0; i < k.length; i++) {
    inner[i] = 0x36 ^ (k[i] as number);
    outer[i] = 0x5c ^ (k[i] as number);
  }
  namePart.copy(inner, BLOCK);
  return { inner, outer };
}

/**
 * Turns a logical cache key into the Redis key, so that key names (user ids, emails, tokens) never
 * reach Redis. Every Redis key starts with `maverics:<cache name>:` so caches that share a server
 * (and an operator running SCAN) can tell them apart. What follows:
 *   - keyed (the default): hex HMAC-SHA256(hashing key, u16 len(name) | name | key);
 *   - no hashing key: hex SHA-256 of the same input (a warning says what that costs);
 *   - hashing disabled: the key itself.
 * With old hashing keys, `variants()` lists the Redis keys older deployments wrote, current first.
 */
export class KeyHasher {
  readonly mode: 'keyed' | 'unkeyed' | 'disabled';
  /** Things the caller should report (they never contain a key). */
  readonly warnings: string[] = [];
  readonly #prefix: string;
  readonly #namePart: Buffer;
  readonly #keys: Buffer[];
  readonly #pads = new Map<Buffer, Pads>();
  #innerScratch = Buffer.alloc(0);

  constructor(cacheName: string, spec: HashingSpec) {
    this.#prefix = `maverics:${cacheName}:`;
    const name = Buffer.from(cacheName, 'utf8');
    if (name.length > 0xffff) throw new CacheError('ECACHE_CONFIG', cacheName, 'cache name too long');
    this.#namePart = Buffer.allocUnsafe(2 + name.length);
    this.#namePart.writeUInt16BE(name.length, 0);
    name.copy(this.#namePart, 2);
    if (spec.disabled) {
      this.mode = 'disabled';
      this.#keys = [];
      return;
    }
    const secrets = spec.current ? [spec.current, ...spec.old] : [];
    if (secrets.length === 0) {
      this.mode = 'unkeyed';
      this.#keys = [];
      if (spec.old.length > 0) {
        this.warnings.push(`cache "${cacheName}": hashing has old keys but no current key; the old keys are ignored`);
      }
      this.warnings.push(
        `cache "${cacheName}": key hashing has no hashing key, so Redis keys are an unkeyed SHA-256 of the ` +
          'key names: anyone who can read Redis can confirm a guessed key name (a dictionary of user ids or ' +
          'emails recovers them). Set hashing.keys.current to a secret 64-hex-character key.',
      );
      return;
    }
    this.mode = 'keyed';
    const seen = new Set<string>();
    this.#keys = [];
    secrets.forEach((secret, i) => {
      const text = secret.reveal();
      if (text.length === 0) {
        throw new CacheError('ECACHE_KEY_FORMAT', cacheName, `cache "${cacheName}": hashing key from <${secret.reference}> is empty`);
      }
      let key: Buffer;
      if (HEX_KEY.test(text)) {
        key = Buffer.from(text, 'hex');
      } else {
        // The hashing key's format is not pinned down (docs/maverics-yaml.md); accept its bytes, and say so.
        key = Buffer.from(text, 'utf8');
        this.warnings.push(
          `cache "${cacheName}": ${i === 0 ? 'the current hashing key' : `old hashing key #${i}`} from ` +
            `<${secret.reference}> is not 64 hexadecimal characters; its ${key.length} bytes are used as they are`,
        );
      }
      const id = key.toString('base64');
      if (!seen.has(id)) {
        seen.add(id);
        this.#keys.push(key);
      }
    });
  }

  /** The Redis key that writes and first reads use. */
  primary(key: string): string {
    switch (this.mode) {
      case 'disabled':
        return this.#prefix + key;
      case 'unkeyed':
        return this.#prefix + createHash('sha256').update(this.#namePart).update(key, 'utf8').digest('hex');
      case 'keyed':
        return this.#hmac(this.#keys[0] as Buffer, key);
    }
  }

  get hasOldKeys(): boolean {
    return this.#keys.length > 1;
  }

  /** Redis keys written under old hashing keys, newest first; empty unless old keys are configured. */
  oldVariants(key: string): string[] {
    if (this.#keys.length < 2) return [];
    const out: string[] = [];
    for (let i = 1; i < this.#keys.length; i++) out.push(this.#hmac(this.#keys[i] as Buffer, key));
    return out;
  }

  /** Every Redis key that may hold `key`'s value. */
  variants(key: string): string[] {
    return [this.primary(key), ...this.oldVariants(key)];
  }

  /** The pattern that matches every Redis key of this cache (for SCAN in tests and tools). */
  get pattern(): string {
    return `${this.#prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  }

  #hmac(hashingKey: Buffer, key: string): string {
    // The pads for this key are prepared once; with them, HMAC is two one-shot SHA-256 calls over
    // reused buffers instead of an Hmac object per key, which matters when every cache operation
    // hashes a key. The output is RFC 2104 HMAC-SHA256 (a test checks it against createHmac).
    let pads = this.#pads.get(hashingKey);
    if (pads === undefined) {
      pads = hmacPads(hashingKey, this.#namePart);
      this.#pads.set(hashingKey, pads);
    }
    const fixed = pads.inner.length;
    const room = fixed + key.length * 3;
    if (this.#innerScratch.length < room) this.#innerScratch = Buffer.allocUnsafe(Math.max(room, 256));
    const inner = this.#innerScratch;
    pads.inner.copy(inner, 0);
    const written = inner.write(key, fixed, 'utf8');
    const outer = pads.outer;
    // The inner digest comes back as a 'binary' (latin1: one byte per character) string and is
    // written back as such: about 0.3 µs cheaper per call than a 'buffer' digest, whose encoding
    // name takes Node's slow normalisation path and whose result is a native allocation.
    outer.write(hash('sha256', inner.subarray(0, fixed + written), 'binary'), BLOCK, 'latin1');
    return this.#prefix + hash('sha256', outer, 'hex');
  }
}
