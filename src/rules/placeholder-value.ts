import { formatPath } from '../base/diagnostics.js';
import { locationKey } from '../config/location-keys.js';
import type { Rule } from './rule.js';
import { secretKeyName } from '../config/secret-keys.js';

/** `METADATA_URL`, `YOUR-TENANT-ID`: an upper-case name of two or more words, as templates write them. */
const BARE_PLACEHOLDER = /^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+$/;

const rule: Rule = {
  id: 'placeholder-value',
  severity: 'error',
  description: 'An unfilled template placeholder: `{ OKTA DOMAIN }` (which YAML reads as a mapping), or an upper-case name such as `METADATA_URL` where a URL or a path belongs.',
  messages: {
    placeholder: '`{path}` is an unfilled placeholder `{text}` (YAML reads it as a mapping); replace it with the real value',
    bare: '`{path}` is `{text}`, an unfilled placeholder where a {kind} belongs; replace it with the real {kind}',
  },
  check({ parsed, report }) {
    for (const path of parsed.placeholders) {
      // At a secret key, `{abc123}` may be the secret itself in braces (YAML reads it as a mapping): never quote it.
      const text = (secretKeyName(path) ? undefined : parsed.sourceMap.sourceText(path)) ?? '{ … }';
      report({ path, messageId: 'placeholder', data: { path: formatPath(path), text: text.length > 60 || text.includes('\n') ? '{ … }' : text } });
    }
    for (const { path, value } of parsed.strings) {
      const key = locationKey(path);
      if (key === undefined || !BARE_PLACEHOLDER.test(value)) continue;
      const kind = /(?:File|Files|Path|Paths|Dir|file)$/.test(key) ? 'path' : 'URL';
      report({ path, messageId: 'bare', data: { path: formatPath(path), text: secretKeyName(path) ? '…' : value, kind } });
    }
  },
};

export default rule;
