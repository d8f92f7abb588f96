import fc from 'fast-check';

/** The part of JSON Schema the routes' request schemas use, as the OpenAPI document states them. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

/** JSON text put into a body as it is: numbers JSON.stringify cannot write (`1e999`) and nesting too deep to build as objects. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify that writes RawJson as it is. */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Where a generator is in a request: the field's name picks real record ids for id-like fields. */
export interface FieldContext {
  name?: string;
  /** Real ids (or other known-good strings) for a field or path-parameter name, or null when none fit. */
  knownValues(name: string): fc.Arbitrary<string> | null;
}

// Text that has broken servers before: surrogates, direction marks, joiners, NUL, emoji, look-alike digits.
export const EDGE_TEXT = [
  '\uD800',
  '\uDFFF',
  'a\uDC00b',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '\u200D',
  '\u200B\u200C',
  '\u0000',
  'a\u0000b',
  '\uFEFF',
  '\u2028\u2029',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  'e\u0301\u0301\u0301',
  '１３８ ００００ ０００１',
  '伴学',
  '𠮷野家',
  '\\',
  '"',
  "' OR 1=1 --",
  '%',
  '_',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '   ',
  '',
  'null',
  'NaN',
  '1e308',
  '-0',
  '9007199254740993',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  '[object Object]',
] as const;

export const EDGE_NUMBERS: readonly unknown[] = [
  0,
  -0,
  1,
  -1,
  1.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('123456789012345678901234567890'),
  'NaN',
  'Infinity',
  '1e308',
  '-0',
  '0x10',
  ' 1',
];

const EDGE_DATES = ['2026-02-29', '2024-02-29', '2026-13-01', '2026-00-10', '0000-01-01', '9999-12-31', '1970-01-01', '2026-1-1', '2026-11-29T00:00:00Z'];
const EDGE_DATE_TIMES = [
  '2026-12-31T23:59:60Z',
  '2026-11-29T04:00:00+08:00',
  '2026-11-29T04:00:00.123456789Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
  '2026-11-29T04:00:00',
  '2026-11-29',
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const text = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...EDGE_TEXT), fc.string({ maxLength: 8 }), fc.fullUnicodeString({ maxLength: 4 }), fc.constantFrom('学', '生', '的', ' ', 'a', '1')), { maxLength: 6 })
    .map((parts) => {
      const joined = parts.join('').slice(0, maxLength);
      return joined.length >= minLength ? joined : joined + '字'.repeat(minLength - joined.length);
    });

const isoDate = (daysFromNow: number) => new Date(Date.UTC(2026, 10, 29) + daysFromNow * 86_400_000).toISOString().slice(0, 10);

function stringValue(schema: JsonSchema, ctx: FieldContext): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 200, 200);
  if (schema.format === 'date') return fc.oneof(fc.integer({ min: -8000, max: 4000 }).map(isoDate), fc.constantFrom(...EDGE_DATES));
  if (schema.format === 'date-time') {
    return fc.oneof(fc.integer({ min: -8000, max: 4000 }).map((d) => `${isoDate(d)}T04:00:00.000Z`), fc.constantFrom(...EDGE_DATE_TIMES));
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const known = ctx.name ? ctx.knownValues(ctx.name) : null;
  const plain = text(min, max);
  return known ? fc.oneof({ weight: 3, arbitrary: known }, { weight: 1, arbitrary: plain }) : plain;
}

const typesOf = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/** Values the schema accepts (nearly always: formats and patterns are approximated), biased to the edges. */
export function validValue(schema: JsonSchema, ctx: FieldContext): fc.Arbitrary<unknown> {
  const value = validNonNull(schema, ctx);
  return schema.nullable ? fc.oneof(value, fc.constant(null)) : value;
}

function validNonNull(schema: JsonSchema, ctx: FieldContext): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, ctx)));
  if (schema.allOf) return validValue(Object.assign({}, ...schema.allOf) as JsonSchema, ctx);
  const [type] = typesOf(schema);
  switch (type) {
    case 'string':
      return stringValue(schema, ctx);
    case 'integer': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = validValue(schema.items ?? {}, ctx);
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) };
      return schema.uniqueItems ? fc.uniqueArray(item, { ...constraints, selector: (v) => jsonText(v) }) : fc.array(item, constraints);
    }
    case 'object':
    case undefined:
      if (!schema.properties) return type === 'object' ? fc.constant({}) : fc.jsonValue({ maxDepth: 2 });
      return objectValue(schema.properties, schema.required ?? [], ctx);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function objectValue(properties: Record<string, JsonSchema>, required: string[], ctx: FieldContext): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, validValue(s, { ...ctx, name })]));
  // Half the time only what is required: each optional field is one more way for a request to be refused.
  return fc.oneof(fc.record(Object.fromEntries(Object.entries(fields).filter(([name]) => required.includes(name)))), fc.record(fields, { requiredKeys: required }));
}

/** A value of some JSON type the schema does not expect. */
export function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> {
  const allowed = new Set(typesOf(schema));
  const candidates: [string, unknown][] = [
    ['null', null],
    ['boolean', true],
    ['integer', 0],
    ['number', 1.5],
    ['number', new RawJson('1e999')],
    ['string', 'text'],
    ['string', 'NaN'],
    ['array', []],
    ['array', [1, 'two', null]],
    ['object', {}],
    ['object', { a: { b: [1] } }],
  ];
  const wrong = candidates.filter(([type]) => !allowed.has(type) && !(type === 'integer' && allowed.has('number'))).map(([, v]) => v);
  return fc.constantFrom(...(wrong.length ? wrong : candidates.map(([, v]) => v)));
}

/** Strings, numbers and arrays past their limits or at the edges of what JSON and JavaScript can hold. */
export function edgeValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const [type] = typesOf(schema);
  const tooLong = (schema.maxLength ?? 1000) + 1;
  return fc.oneof(
    fc.constantFrom(...EDGE_TEXT),
    fc.constantFrom(...EDGE_NUMBERS),
    fc.constantFrom(...(type === 'string' && schema.format === 'date-time' ? EDGE_DATE_TIMES : EDGE_DATES)),
    fc.constantFrom(tooLong, 100_000).map((n) => 'x'.repeat(n)),
    fc.constantFrom(...EDGE_TEXT).map((t) => t.repeat(Math.ceil(tooLong / Math.max(t.length, 1)))),
    fc.constantFrom((schema.maxItems ?? 100) + 1, 10_000).map((n) => Array.from({ length: n }, (_, i) => (type === 'array' && schema.items?.type === 'string' ? `item-${i}` : i))),
  );
}

/** JSON nested `depth` levels deep, as text (building it as objects would overflow the stack here too). */
export function deeplyNested(depth: number, shape: 'array' | 'object'): RawJson {
  return shape === 'array' ? new RawJson('['.repeat(depth) + ']'.repeat(depth)) : new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
}

/** An object with an own property named like a prototype key, as JSON.parse would make it. */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

export type ObjectMutation =
  | { op: 'drop'; key: string }
  | { op: 'retype'; key: string; value: unknown }
  | { op: 'edge'; key: string; value: unknown }
  | { op: 'extra'; key: string; value: unknown }
  | { op: 'nest'; key: string; value: RawJson }
  | { op: 'replace'; value: unknown };

/** One change that takes a valid object away from its schema: a field dropped, retyped, pushed to an edge, added, or nested deeply. */
export function objectMutation(schema: JsonSchema, depth: fc.Arbitrary<number>): fc.Arbitrary<ObjectMutation> {
  const properties = Object.entries(schema.properties ?? {});
  const names = properties.map(([name]) => name);
  const mutations: fc.Arbitrary<ObjectMutation>[] = [
    fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ minLength: 1, maxLength: 12 })), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ polluted: true }))).map(([key, value]) => ({ op: 'extra' as const, key, value })),
    fc.oneof(wrongType(schema), fc.jsonValue({ maxDepth: 3 })).map((value) => ({ op: 'replace' as const, value })),
  ];
  if (names.length) {
    mutations.push(
      fc.constantFrom(...names).map((key) => ({ op: 'drop' as const, key })),
      fc.constantFrom(...properties).chain(([key, s]) => wrongType(s).map((value) => ({ op: 'retype' as const, key, value }))),
      fc.constantFrom(...properties).chain(([key, s]) => edgeValue(s).map((value) => ({ op: 'edge' as const, key, value }))),
      fc.tuple(fc.constantFrom(...names), depth, fc.constantFrom('array' as const, 'object' as const)).map(([key, d, shape]) => ({ op: 'nest' as const, key, value: deeplyNested(d, shape) })),
    );
  }
  return fc.oneof(...mutations);
}

export function applyMutation(value: Record<string, unknown>, mutation: ObjectMutation): unknown {
  if (mutation.op === 'replace') return mutation.value;
  if (mutation.op !== 'drop') return withOwnKey(value, mutation.key, mutation.value);
  const copy = { ...value };
  delete copy[mutation.key];
  return copy;
}

/** base64url cursors of JSON a page never hands out: objects, booleans, overflowing numbers, a bare string, deep arrays. */
export function oddCursor(): fc.Arbitrary<string> {
  const element = fc.oneof(
    fc.constantFrom('{"a":1}', '{"b":2}', 'true', 'false', '1e999', '-1e999', '"x"', 'null', '[]', '[[1]]', '{}', '"2026-11-29T04:00:00.000Z"', '"\\u0000"', '1.5', '-0'),
    fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s)),
  );
  // Well-typed but forged: the kinds of values real cursors carry, in any order and number.
  const plausible = fc.array(
    fc.oneof(fc.integer({ min: -8000, max: 4000 }).map((d) => `${isoDate(d)}T04:00:00.000Z`), fc.constantFrom('student-001', 'sp-001', 'zz', ''), fc.integer({ min: -1, max: 1000 }), fc.constant(null)),
    { minLength: 1, maxLength: 4 },
  );
  const json = fc.oneof(
    plausible.map((values) => JSON.stringify(values)),
    fc.constantFrom('[{"a":1},{"b":2}]', '[true,false]', '[1e999]', '"x"', '{}', '[]', 'null', '[null,null]', '[[],[]]', '[1e999,1e999,1e999]'),
    fc.array(element, { minLength: 1, maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.string({ maxLength: 30 }),
  );
  return fc.oneof(json.map((t) => Buffer.from(t, 'utf8').toString('base64url')), fc.constantFrom('', '!!!', '%00', 'a'.repeat(200), '====', 'eyJ'));
}
