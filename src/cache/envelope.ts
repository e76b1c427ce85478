import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomFillSync, type KeyObject } from 'node:crypto';
import type { SecretValue } from '../base/secret-value.js';
import { CacheError, type IntegrityEvent } from './cache.js';

/*
 * The encrypted value format, byte by byte, is in docs/envelope.md. In short:
 *   version(1) | keyId(8) | nonce(12) | AES-256-GCM( expiresAt(8, u64 BE ms) | value ) | tag(16)
 * with associated data  version | keyId | u16 BE len(cacheName) | cacheName | logicalKey.
 */
export const ENVELOPE_VERSION = 1;
const KEY_ID_LENGTH = 8;
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
const EXPIRY_LENGTH = 8;
const HEADER_LENGTH = 1 + KEY_ID_LENGTH + NONCE_LENGTH;
/** Bytes an envelope adds to a value. */
export const ENVELOPE_OVERHEAD = HEADER_LENGTH + EXPIRY_LENGTH + TAG_LENGTH;
/** Shared by every cipher: a 128-bit tag, and on opening no shorter tag accepted. */
const GCM_OPTIONS = Object.freeze({ authTagLength: TAG_LENGTH });
const KEY_ID_LABEL = 'maverics-config key id';
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

export type OpenResult = { ok: true; value: Buffer } | { ok: false; reason: IntegrityEvent['reason'] };

interface EnvelopeKey {
  id: Buffer;
  /** The id as two 32-bit halves, so lookup compares numbers instead of allocating a string. */
  idHi: number;
  idLo: number;
  key: KeyObject;
}

/**
 * Decodes a 64-hex-character key to its 32 bytes. The error names the reference the key came from
 * (safe to print) and never the key.
 */
export function decodeHexKey(secret: SecretValue, cache: string, role: string): Buffer {
  const text = secret.reveal();
  if (!HEX_KEY.test(text)) {
    throw new CacheError(
      'ECACHE_KEY_FORMAT',
      cache,
      `cache "${cache}": the ${role} from <${secret.reference}> must be exactly 64 hexadecimal characters ` +
        `(32 bytes; generate one with \`openssl rand -hex 32\`), got ${text.length} characters`,
    );
  }
  return Buffer.from(text, 'hex');
}

/** The 8-byte identifier stored in front of every envelope: it names the key without revealing it. */
export function keyIdOf(key: Buffer): Buffer {
  return createHmac('sha256', key).update(KEY_ID_LABEL).digest().subarray(0, KEY_ID_LENGTH);
}

function writeExpiry(target: Buffer, expiresAt: number): void {
  target.writeUInt32BE(Math.floor(expiresAt / 0x1_0000_0000), 0);
  target.writeUInt32BE(expiresAt >>> 0, 4);
}

/**
 * Random nonces come from a pooled buffer refilled in one call, rather than a `randomBytes` call per
 * value: the bytes are the same CSPRNG output, the per-value cost is a copy.
 */
const noncePool = Buffer.allocUnsafe(NONCE_LENGTH * 512);
let nonceOffset = noncePool.length;

function writeNonce(target: Buffer, offset: number): void {
  if (nonceOffset + NONCE_LENGTH > noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  noncePool.copy(target, offset, nonceOffset, nonceOffset + NONCE_LENGTH);
  nonceOffset += NONCE_LENGTH;
}

/**
 * Seals and opens values for one cache. The current key encrypts; current and old keys decrypt,
 * chosen by the key id in the envelope (never by trying each key). Opening never throws: anything
 * wrong with a stored value is reported as a reason, and the caller turns it into a miss.
 */
export class Envelope {
  readonly #current: EnvelopeKey;
  readonly #keys: EnvelopeKey[];
  /** u16 BE length of the cache name, then the name: the fixed part of every associated data. */
  readonly #namePart: Buffer;
  #scratch = Buffer.alloc(0);

  constructor(cacheName: string, current: SecretValue, old: readonly SecretValue[] = []) {
    const toKey = (secret: SecretValue, role: string): EnvelopeKey => {
      const raw = decodeHexKey(secret, cacheName, role);
      const id = keyIdOf(raw);
      return { id, idHi: id.readUInt32BE(0), idLo: id.readUInt32BE(4), key: createSecretKey(raw) };
    };
    this.#current = toKey(current, 'current encryption key');
    this.#keys = [this.#current];
    old.forEach((secret, i) => {
      const key = toKey(secret, `old encryption key #${i + 1}`);
      // The same key listed twice (as current and old) adds nothing; the linter warns about it.
      if (!this.#keys.some((k) => k.id.equals(key.id))) this.#keys.push(key);
    });
    const name = Buffer.from(cacheName, 'utf8');
    if (name.length > 0xffff) throw new CacheError('ECACHE_CONFIG', cacheName, 'cache name too long');
    this.#namePart = Buffer.allocUnsafe(2 + name.length);
    this.#namePart.writeUInt16BE(name.length, 0);
    name.copy(this.#namePart, 2);
  }

  /** Encrypts `value` for `logicalKey`; `expiresAt` is epoch ms, 0 for never. */
  seal(logicalKey: string, value: Buffer, expiresAt: number): Buffer {
    const k = this.#current;
    const out = Buffer.allocUnsafe(ENVELOPE_OVERHEAD + value.length);
    out[0] = ENVELOPE_VERSION;
    k.id.copy(out, 1);
    writeNonce(out, 1 + KEY_ID_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', k.key, out.subarray(1 + KEY_ID_LENGTH, HEADER_LENGTH), GCM_OPTIONS);
    cipher.setAAD(this.#aad(out, logicalKey));
    // The plaintext (expiresAt | value) is laid out where its ciphertext goes and encrypted in one
    // update, whose output then overwrites it: GCM's output is exactly as long as its input, so no
    // plaintext is left behind, and no staging buffer (nor a second update call) is needed.
    const body = out.subarray(HEADER_LENGTH, HEADER_LENGTH + EXPIRY_LENGTH + value.length);
    writeExpiry(body, expiresAt);
    value.copy(body, EXPIRY_LENGTH);
    out.set(cipher.update(body), HEADER_LENGTH);
    cipher.final(); // GCM is a stream mode: final() only computes the tag, it returns no bytes
    out.set(cipher.getAuthTag(), HEADER_LENGTH + body.length);
    return out;
  }

  open(logicalKey: string, data: Buffer, now: number): OpenResult {
    if (data.length < ENVELOPE_OVERHEAD) return { ok: false, reason: 'malformed' };
    if (data[0] !== ENVELOPE_VERSION) return { ok: false, reason: 'unsupported-version' };
    const hi = data.readUInt32BE(1);
    const lo = data.readUInt32BE(5);
    let k: EnvelopeKey | undefined;
    for (const candidate of this.#keys) {
      if (candidate.idHi === hi && candidate.idLo === lo) {
        k = candidate;
        break;
      }
    }
    if (k === undefined) return { ok: false, reason: 'unknown-key' };
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', k.key, data.subarray(1 + KEY_ID_LENGTH, HEADER_LENGTH), GCM_OPTIONS);
      decipher.setAAD(this.#aad(data, logicalKey));
      decipher.setAuthTag(data.subarray(data.length - TAG_LENGTH));
      plain = decipher.update(data.subarray(HEADER_LENGTH, data.length - TAG_LENGTH));
      // `final` is where the tag is checked; until it returns, `plain` is unauthenticated.
      decipher.final();
    } catch {
      return { ok: false, reason: 'tag-mismatch' };
    }
    const expiresAt = plain.readUInt32BE(0) * 0x1_0000_0000 + plain.readUInt32BE(4);
    if (expiresAt !== 0 && expiresAt <= now) return { ok: false, reason: 'expired' };
    return { ok: true, value: plain.subarray(EXPIRY_LENGTH) };
  }

  /**
   * Associated data: the envelope's version and key id, the cache name, and the logical key. Built
   * in a scratch buffer reused across calls: setAAD hands the bytes to OpenSSL before returning,
   * and one allocation less per operation is measurable at high concurrency.
   */
  #aad(envelope: Buffer, logicalKey: string): Buffer {
    const namePart = this.#namePart;
    const fixed = 1 + KEY_ID_LENGTH + namePart.length;
    // Upper bound of the key's UTF-8 length, so the common case needs no byteLength pass.
    const room = fixed + logicalKey.length * 3;
    if (this.#scratch.length < room) {
      this.#scratch = Buffer.alloc(Math.max(room, 2 * this.#scratch.length));
      namePart.copy(this.#scratch, 1 + KEY_ID_LENGTH);
    }
    const aad = this.#scratch;
    envelope.copy(aad, 0, 0, 1 + KEY_ID_LENGTH);
    const written = aad.write(logicalKey, fixed, 'utf8');
    return aad.subarray(0, fixed + written);
  }
}
