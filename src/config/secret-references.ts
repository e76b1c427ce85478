/**
 * The grammar of secret references and environment templates, shared by lint (which checks their
 * syntax) and by resolution (which looks them up). Nothing here resolves anything.
 */

/** A value that is wholly `<name>`; names use letters, digits and `_ - . : /` (AWS names and ARNs). */
const REFERENCE = /^<([A-Za-z0-9_\-.:/]+)>$/;

/** Returns the reference's name (without brackets) when the whole value is a reference. */
export function secretReferenceName(value: string): string | undefined {
  return REFERENCE.exec(value)?.[1];
}

export function isSecretReference(value: unknown): boolean {
  return typeof value === 'string' && REFERENCE.test(value);
}

/** `{{ env.NAME }}`, spaces inside the braces optional, anywhere in a string. */
const ENV_TEMPLATE = /\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface EnvTemplate {
  name: string;
  /** Offsets of the template inside the string. */
  start: number;
  end: number;
}

export function envTemplates(value: string): EnvTemplate[] {
  const out: EnvTemplate[] = [];
  for (const m of value.matchAll(ENV_TEMPLATE)) {
    out.push({ name: m[1] as string, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function hasEnvTemplate(value: string): boolean {
  return value.includes('{{') && envTemplates(value).length > 0;
}

/** Whether a value cannot be judged before start-up: a secret reference or an env template. */
export function isDeferredValue(value: unknown): boolean {
  return typeof value === 'string' && (isSecretReference(value) || hasEnvTemplate(value));
}

/** The variables `{{ env.NAME }}` reads. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Own variables only: `{{ env.toString }}` is an unset name, not Object.prototype's method. */
export function ownVariables(env: Env): Env {
  return Object.assign(Object.create(null) as Record<string, string | undefined>, env);
}

/**
 * Replaces every `{{ env.NAME }}` with the variable's value. Unset variables become empty, as the
 * Orchestrator does, and are reported through `onUnset`.
 */
export function substituteEnv(
  value: string,
  env: Env,
  onUnset?: (name: string) => void,
): string {
  if (!value.includes('{{')) return value;
  return value.replace(ENV_TEMPLATE, (_match, name: string) => {
    const replacement = env[name];
    if (replacement === undefined) {
      onUnset?.(name);
      return '';
    }
    return replacement;
  });
}

export interface TemplateIssue {
  /** What was written, e.g. `{{ ENV.HOST }}`; never a resolved value. */
  text: string;
  start: number;
  end: number;
}

/** Text between double braces; a lone closing or opening pair is caught separately. */
const DOUBLE_BRACES = /\{\{([^{}]*)\}\}/g;
/** `{{ env.X }` or `{ env.X }}`: one brace short on either side. */
const UNBALANCED_ENV = /(?<!\{)\{\s*env\.[A-Za-z0-9_]*\s*\}\}|\{\{\s*env\.[A-Za-z0-9_]*\s*\}(?!\})/gi;

/** `{{ <connector>.<attribute> }}`: the attribute templates header values take (`{{ azure.sub }}`). */
const ATTRIBUTE_TEMPLATE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+$/;

/**
 * `{{ … }}` templates the Orchestrator does not substitute here: anything but `{{ env.NAME }}` and
 * `{{ se.… }}` (service extensions), such as `{{ env }}`, `{{ ENV.X }}`, `{{ env.1X }}`, `{{ $X }}`,
 * `{{ }}`, `{{ host }}`, and a brace short on one side of an env template. Where connector attribute
 * templates are valid (header values, `allowAttributeTemplates`), `{{ azure.sub }}` is left alone.
 */
export function malformedEnvTemplates(value: string, allowAttributeTemplates = false): TemplateIssue[] {
  if (!value.includes('{') || !value.includes('}')) return [];
  const out: TemplateIssue[] = [];
  for (const m of value.matchAll(DOUBLE_BRACES)) {
    const inner = (m[1] as string).trim();
    if (/^env\.[A-Za-z_][A-Za-z0-9_]*$/.test(inner) || /^se\./.test(inner)) continue;
    if (allowAttributeTemplates && !/^env\b/i.test(inner) && ATTRIBUTE_TEMPLATE.test(inner)) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const m of value.matchAll(UNBALANCED_ENV)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
