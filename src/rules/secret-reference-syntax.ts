import { isSecretReference } from '../config/secret-references.js';
import { secretKeyName } from '../config/secret-keys.js';
import type { Rule } from './rule.js';

const NAME = '[A-Za-z0-9_\\-.:/]';
/** `<name>` somewhere inside a longer value, e.g. `Bearer <api_token>`. */
const EMBEDDED = new RegExp(`<${NAME}+>`);

const rule: Rule = {
  id: 'secret-reference-syntax',
  severity: 'warning',
  description: 'Something that looks like a broken secret reference: `<a.b`, `<>`, `<a b>`, or `Bearer <x>` inside a larger string.',
  messages: {
    unclosed: 'this looks like a secret reference without its closing `>`; write `<{name}>`',
    unopened: 'this looks like a secret reference without its opening `<`; write `<{name}>`',
    // At a secret-bearing key the value may be a real password that happens to start with `<`: never quote it.
    unclosedSecret: 'this looks like a secret reference without its closing `>`; close it, or store the value in your secret provider',
    unopenedSecret: 'this looks like a secret reference without its opening `<`; open it, or store the value in your secret provider',
    empty: '`<>` is an empty secret reference; write the secret\'s name between the brackets, e.g. <vault.redis_password>',
    badName: 'a secret reference name may only hold letters, digits and `_ - . : /`; this one has {what}',
    embedded: 'a secret reference inside a larger value is not resolved: only a value that is wholly `<name>` is. Store the whole value as the secret, or use `{{ env.NAME }}`',
  },
  check({ parsed, report }) {
    for (const { path, value } of parsed.strings) {
      // Multi-line values are PEM blocks or inline code, where `<` and `>` mean other things.
      if (value.includes('\n') || (!value.includes('<') && !value.includes('>')) || isSecretReference(value)) continue;
      const v = value.trim();
      const secret = secretKeyName(path) !== undefined;
      let m: RegExpExecArray | null;
      if (v === '<>') report({ path, messageId: 'empty' });
      else if ((m = new RegExp(`^<(${NAME}+)$`).exec(v))) report({ path, messageId: secret ? 'unclosedSecret' : 'unclosed', data: { name: m[1] as string } });
      else if ((m = new RegExp(`^(${NAME}+)>$`).exec(v)) && /[._]/.test(m[1] as string)) report({ path, messageId: secret ? 'unopenedSecret' : 'unopened', data: { name: m[1] as string } });
      else if (/^<[^<>]+>$/.test(v)) report({ path, messageId: 'badName', data: { what: describeBadCharacters(v.slice(1, -1)) } });
      else if (EMBEDDED.test(v)) report({ path, messageId: 'embedded' });
    }
  },
};

function describeBadCharacters(name: string): string {
  const kinds: string[] = [];
  if (/\s/.test(name)) kinds.push('whitespace');
  if (/[^\sA-Za-z0-9_\-.:/]/.test(name)) kinds.push('other punctuation');
  return kinds.join(' and ') || 'characters outside that set';
}
export default rule;
