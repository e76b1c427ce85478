/** Configs for benchmarks: a typical one (~150 lines) and a large one of any number of lines. */
import { readFileSync } from 'node:fs';

const example = readFileSync(new URL('../examples/maverics.yaml', import.meta.url), 'utf8');

function app(i: number): string {
  return `  - name: app-${i}
    type: oidc
    clientID: app-${i}
    credentials:
      secrets:
        - <vault.app_${i}_client_secret>
    authentication:
      idps:
        - keycloak
    redirectURLs:
      - https://app-${i}.example.com/callback
      - https://app-${i}.example.com/silent-renew
    claimsMapping:
      email: keycloak.email
      name: keycloak.name
`;
}

/** The example plus apps until the file has about `lines` lines. */
export function generateConfig(lines: number): string {
  let text = example;
  let count = text.split('\n').length;
  for (let i = 0; count < lines; i++) {
    const block = app(i);
    text += block;
    count += block.split('\n').length - 1;
  }
  return text;
}
