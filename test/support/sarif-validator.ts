/** Validates SARIF logs against the OASIS SARIF 2.1.0 schema (a draft-04 schema, hence ajv-draft-04). */
import { readFileSync } from 'node:fs';
import AjvDraft04, { type ValidateFunction } from 'ajv-draft-04';

const schemaPath = new URL('../../vendor/sarif/sarif-schema-2.1.0.json', import.meta.url);

let validate: ValidateFunction | undefined;

/** The schema's problems with `log` as readable lines; empty when it validates. */
export function sarifProblems(log: unknown): string[] {
  if (!validate) {
    // A CommonJS module: under NodeNext its class is the default export's `default`.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    // The schema names these formats; Ajv knows none of them without ajv-formats, which we do not add.
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  }
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
