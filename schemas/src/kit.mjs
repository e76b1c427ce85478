// Small constructors for the schema's source: each returns a plain draft-07 node. The published
// schema (schemas/maverics.schema.json) is assembled from these by scripts/build-schema.mjs.

/**
 * The severity policy lives in one annotation: `x-surface` on every closed object. `complete`: the
 * documentation shows the whole key set, so an unknown key is an error. `partial`: the docs describe
 * a feature of this object whose key names were not visible, so an unknown key is only a warning.
 */
export function obj(description, properties, { surface = 'complete', required, ...extra } = {}) {
  return {
    description,
    type: 'object',
    additionalProperties: false,
    'x-surface': surface,
    properties,
    ...(required ? { required } : {}),
    ...extra,
  };
}

/** A mapping whose keys are the user's own names (claims, metadata, feature flags). */
export function map(description, values = { $ref: '#/definitions/scalarString' }) {
  return { description, type: 'object', additionalProperties: values };
}

export const str = (description, extra = {}) => ({ description, type: 'string', ...extra });
export const scalar = (description) => ({ description, $ref: '#/definitions/scalarString' });
export const bool = (description, def) => ({ description, type: 'boolean', ...(def === undefined ? {} : { default: def }) });
export const int = (description, extra = {}) => ({ description, type: 'integer', minimum: 0, ...extra });
export const ms = (description, def) => int(`${description} In milliseconds.`, def === undefined ? {} : { default: def });
export const url = (description) => ({ description, $ref: '#/definitions/url' });
export const path = (description) => ({ description, type: 'string' });
export const duration = (description) => ({ description, $ref: '#/definitions/duration' });
export const se = (description) => ({ description, $ref: '#/definitions/serviceExtension' });
export const tlsRef = (description) => ({ description, $ref: '#/definitions/tlsReference' });
export const oneOfValues = (description, values, def) => ({ description, type: 'string', enum: values, ...(def === undefined ? {} : { default: def }) });
export const list = (description, items, extra = {}) => ({ description, type: 'array', items, ...extra });
export const strings = (description, itemDescription = 'One entry.') => list(description, { description: itemDescription, type: 'string' });
export const urls = (description) => list(description, url('A URL.'));
export const legacy = (node, replacement) => ({ ...node, description: `Legacy: ${node.description} Now ${replacement}.` });

/**
 * Discriminated variants: `type` picks one definition, and only that definition's errors are
 * reported (if/then, never oneOf, so one mistake gives one diagnostic). `x-discriminator` tells
 * src/schema/validate.ts which variant's keys to suggest.
 */
export function discriminated(description, prefix, types, common) {
  return {
    description,
    type: 'object',
    required: ['name', 'type'],
    'x-discriminator': { property: 'type', prefix },
    properties: {
      ...common,
      type: { description: `The ${prefix} type: ${types.join(', ')}.`, type: 'string', enum: types },
    },
    allOf: types.map((t) => ({
      if: { properties: { type: { const: t } }, required: ['type'] },
      then: { $ref: `#/definitions/${prefix}.${t}` },
    })),
  };
}

/** One variant: the common keys (which a closed object must repeat) plus the type's own. */
export function variant(description, common, own, options = {}) {
  return obj(description, { ...common, ...own }, options);
}
