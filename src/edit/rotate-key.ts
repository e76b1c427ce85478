/**
 * Encryption key rotation as a text edit: the current key moves to the front of
 * `encryption.keys.old` and the new reference becomes `current`, as in the vendor's zero-downtime
 * rotation example. Only the key lines change; comments, blank lines and quoting stay as written.
 */
import { lineEnd, lineStart, locateEncryptionKeys, type ScalarSite } from '../parse/encryption-keys.js';
import { MavericsConfigError } from '../base/errors.js';
import { isSecretReference } from '../config/secret-references.js';

export interface RotateKeyOptions {
  cache: string;
  /** The new key, as a secret reference such as `<vault.redis_key_v2>`. */
  newKey: string;
  /** How many of the oldest old keys to remove after the rotation. */
  dropOld?: number;
}

/** A rotation that cannot be done; its message is one sentence for the user and never holds a key. */
export class RotateKeyError extends MavericsConfigError {
  constructor(message: string) {
    super('EROTATE', message);
    this.name = 'RotateKeyError';
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The rotated text. Throws RotateKeyError when the rotation would be wrong or unsafe. */
export function rotateKey(text: string, options: RotateKeyOptions): string {
  const { cache, newKey, dropOld = 0 } = options;
  if (!isSecretReference(newKey)) {
    throw new RotateKeyError('the new key must be a secret reference such as <vault.redis_encryption_key_v2>, not a literal: a key written in the file is readable by everyone who can read the file');
  }
  const found = locateEncryptionKeys(text, cache);
  if (!found.ok) throw new RotateKeyError(found.reason);
  const { site, newline } = found;
  const { current, old } = site;
  if (typeof current.value !== 'string' || !isSecretReference(current.value)) {
    throw new RotateKeyError(`the current key of cache "${cache}" is a literal, not a secret reference; store it in your secret provider and reference it before rotating`);
  }
  const oldItems = old.kind === 'block' || old.kind === 'flow' ? old.items : [];
  const existing = [current, ...oldItems].map((s) => String(s.value).trim());
  if (existing.includes(newKey.trim())) {
    throw new RotateKeyError(`${newKey} is already one of cache "${cache}"'s keys; a rotation needs a key that was never used`);
  }
  if (!Number.isInteger(dropOld) || dropOld < 0) throw new RotateKeyError(`--drop-old takes a whole number ≥ 0, got ${dropOld}`);
  const remaining = oldItems.length + 1 - dropOld;
  if (remaining < 1) {
    throw new RotateKeyError(
      `--drop-old ${dropOld} would also drop the key that is current until now (cache "${cache}" has ${oldItems.length} old key${oldItems.length === 1 ? '' : 's'}); data encrypted with it would become unreadable`,
    );
  }

  const edits: Edit[] = [{ start: current.start, end: current.end, text: quoteLike(current, newKey) }];
  const moved = current.source;
  const kept = oldItems.slice(0, remaining - 1);
  const dropped = oldItems.slice(remaining - 1);
  switch (old.kind) {
    case 'absent': {
      if (site.keysFlow) {
        edits.push({ start: current.end, end: current.end, text: `, old: [${moved}]` });
        break;
      }
      const indent = ' '.repeat(site.currentKeyColumn);
      const at = site.currentLineEnd;
      const lead = at === text.length && !text.endsWith('\n') ? newline : '';
      edits.push({ start: at, end: at, text: `${lead}${indent}old:${newline}${indent}  - ${moved}${newline}` });
      break;
    }
    case 'empty': {
      if (site.keysFlow) throw new RotateKeyError(`encryption.keys.old of cache "${cache}" is empty inside braces; write it as [] or as a list first`);
      const indent = ' '.repeat(old.keyColumn + 2);
      const lead = old.keyLineEnd === text.length && !text.endsWith('\n') ? newline : '';
      edits.push({ start: old.keyLineEnd, end: old.keyLineEnd, text: `${lead}${indent}- ${moved}${newline}` });
      break;
    }
    case 'block': {
      const first = old.items[0];
      const prefix = first ? text.slice(lineStart(text, first.start), first.start) : '  - ';
      edits.push({ start: old.keyLineEnd, end: old.keyLineEnd, text: `${prefix}${moved}${newline}` });
      for (const item of dropped) edits.push({ start: lineStart(text, item.start), end: lineEnd(text, item.end), text: '' });
      break;
    }
    case 'flow': {
      const items = [moved, ...kept.map((k) => k.source)];
      const untouched = dropped.length === 0;
      // Without drops, insert at the front and leave the rest of the brackets as written.
      if (untouched) edits.push({ start: old.start + 1, end: old.start + 1, text: oldItems.length ? `${moved}, ` : moved });
      else edits.push({ start: old.start, end: old.end + 1, text: `[${items.join(', ')}]` });
      break;
    }
  }
  const rotated = applyEdits(text, edits);
  verify(rotated, options, String(current.value), remaining);
  return rotated;
}

/** The new reference written in the style the current key was written in. */
function quoteLike(current: ScalarSite, value: string): string {
  if (current.style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (current.style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return value;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Reads the result back: a rotation that did not land exactly as intended is never written. */
function verify(rotated: string, options: RotateKeyOptions, previous: string, oldCount: number): void {
  const again = locateEncryptionKeys(rotated, options.cache);
  const ok =
    again.ok &&
    again.site.current.value === options.newKey &&
    (again.site.old.kind === 'block' || again.site.old.kind === 'flow') &&
    again.site.old.items.length === oldCount &&
    again.site.old.items[0]?.value === previous;
  if (!ok) throw new MavericsConfigError('EINTERNAL', `internal error: the rotated file of cache "${options.cache}" does not read back as intended; the file was not changed`);
}
