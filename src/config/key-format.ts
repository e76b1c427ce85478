/** Shared by the encryption- and hashing-key rules: where keys sit and what is wrong with one. */
import type { JsonPath } from '../base/diagnostics.js';
import { isDeferredValue } from './secret-references.js';
import { list, obj, redisCaches, type Obj } from './accessors.js';

export interface KeySlot {
  value: unknown;
  path: JsonPath;
}

/** `current` then `old[]` of one key set (`encryption.keys` or `hashing.keys`). */
export function keySlots(keys: unknown, path: JsonPath): KeySlot[] {
  const o = obj(keys);
  const slots: KeySlot[] = [];
  if ('current' in o) slots.push({ value: o.current, path: [...path, 'current'] });
  list(o.old).forEach((value, i) => slots.push({ value, path: [...path, 'old', i] }));
  return slots;
}

export function encryptionKeySlots(config: Obj): KeySlot[] {
  return redisCaches(config).flatMap((c) => keySlots(obj(c.value.encryption).keys, [...c.path, 'encryption', 'keys']));
}

export function hashingKeySlots(config: Obj): KeySlot[] {
  return redisCaches(config).flatMap((c) => keySlots(obj(c.value.hashing).keys, [...c.path, 'hashing', 'keys']));
}

/**
 * Describes what is wrong with a key without revealing it: its length and the kinds of characters
 * that are not hex. Undefined when the key is 64 hex characters.
 */
export function keyProblem(key: string): string | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(key)) return undefined;
  const kinds: string[] = [];
  if (/\s/.test(key)) kinds.push('whitespace');
  if (/[g-zG-Z]/.test(key)) kinds.push('letters beyond f');
  if (/[^\sA-Za-z0-9]/.test(key)) kinds.push('punctuation or symbols');
  const length = `${key.length} character${key.length === 1 ? '' : 's'}`;
  if (kinds.length) {
    const base64 = /^[A-Za-z0-9+/]{42,43}=?$/.test(key) ? ' (it looks like base64; use hex)' : '';
    return `has ${length} including ${kinds.join(' and ')}${base64}`;
  }
  return `has ${length} of hex, not 64`;
}

/** A literal (checkable now) key: a string that is neither a reference nor a template. */
export function isLiteralKey(value: unknown): value is string {
  return typeof value === 'string' && !isDeferredValue(value);
}
