import fc from 'fast-check';
import {
  applyMutation,
  deeplyNested,
  EDGE_TEXT,
  jsonText,
  objectMutation,
  oddCursor,
  RawJson,
  validValue,
  withOwnKey,
  type FieldContext,
  type JsonSchema,
} from './schema-arbitrary';

/** One route as the OpenAPI document describes it, with its request schemas. */
export interface RouteSpec {
  method: string;
  /** The OpenAPI path, e.g. `/api/letters/{id}`. */
  path: string;
  pathParams: string[];
  query: JsonSchema & { properties: Record<string, JsonSchema> };
  body?: JsonSchema;
}

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export function routesOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): RouteSpec[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => {
      const parameters = op.parameters ?? [];
      const query = parameters.filter((p) => p.in === 'query');
      return {
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
          required: query.filter((p) => p.required).map((p) => p.name),
        },
        body: op.requestBody?.content['application/json']?.schema,
      };
    }),
  );
}

export type Attack = 'valid' | 'mutated' | 'deep' | 'cursor' | 'raw';

export function attacksFor(route: RouteSpec): Attack[] {
  const sendsBody = route.method !== 'GET';
  return [
    'valid',
    'mutated',
    ...(sendsBody ? (['deep'] as const) : []),
    ...('cursor' in route.query.properties ? (['cursor'] as const) : []),
    'raw',
  ];
}

/** A request as fast-check generates and shrinks it; `principal` names who sends it. */
export interface FuzzRequest {
  principal: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export interface FuzzWorld {
  principals: readonly string[];
  /** The principals a route lets past its access check (the others are still tried, less often). */
  admittedBy(route: RouteSpec): readonly string[];
  /** Known-good values as one principal would send them: their own records' ids first. */
  fieldsFor(principal: string): FieldContext;
  /** A tiny real JPEG, for multipart bodies that get past the type check. */
  image: Buffer;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes the UTF-8 bytes of any string, lone surrogates included (encodeURIComponent throws on those). */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => (UNRESERVED.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

function queryString(query: unknown): string {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) return query === undefined ? '' : `?${percentEncode(jsonText(query))}`;
  const pairs = Object.entries(query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `${percentEncode(key)}=${percentEncode(typeof v === 'string' ? v : jsonText(v))}`),
  );
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** The part of an id that names the kind of record: the field (`studentId`) or, for a path `{id}`, the segment before it. */
export function idKind(route: RouteSpec, param: string): string {
  if (param !== 'id') return param;
  const segments = route.path.split('/');
  return segments[segments.indexOf('{id}') - 1] ?? param;
}

const GARBAGE_IDS = fc.oneof(
  fc.constantFrom(...EDGE_TEXT.filter((t) => t !== '')),
  fc.constantFrom('0', '-1', '1e999', 'null', 'x'.repeat(64), 'x'.repeat(400), '00000000-0000-0000-0000-000000000000', 'student-001 ', 'STUDENT-001'),
  fc.string({ minLength: 1, maxLength: 20 }),
);
/** Percent signs that do not decode: the router must answer these too. */
const MALFORMED_SEGMENTS = ['%', '%E0%A4%A', '%zz', '%C0%AF', '%00'];

function pathArbitrary(route: RouteSpec, fields: FieldContext): fc.Arbitrary<string> {
  const values = route.pathParams.map((param) => {
    const known = fields.knownValues(idKind(route, param));
    const garbage = GARBAGE_IDS.map(percentEncode);
    return fc.oneof(
      { weight: 4, arbitrary: known ? known.map(percentEncode) : garbage },
      { weight: 2, arbitrary: garbage },
      { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_SEGMENTS) },
    );
  });
  return fc.tuple(...values).map((encoded) => route.pathParams.reduce((path, param, i) => path.replace(`{${param}}`, encoded[i]), route.path));
}

const FRESH_KEYS = fc.stringMatching(/^[A-Za-z0-9_.:-]{8,128}$/);
/** Keys a careful client never sends: malformed, or reused across different requests. */
const ODD_KEYS = fc.oneof(fc.constantFrom('fuzz-key-1', 'fuzz-key-2'), fc.constantFrom('', ' ', 'k'.repeat(129), 'key with spaces', 'caf\u00e9', '../key', 'a\tb'));
const LANGUAGES = fc.constantFrom('zh-CN', 'en-US', 'en', 'fr', '*', '', 'zh-CN;q=0.1, en;q=0.9', 'xx-\u00e9');

function headersArbitrary(attack: Attack, bodyType: string | undefined): fc.Arbitrary<Record<string, string>> {
  const keys = fc.option(attack === 'valid' ? FRESH_KEYS : fc.oneof(FRESH_KEYS, ODD_KEYS), { freq: 2 });
  return fc.record({ key: keys, language: LANGUAGES }).map(({ key, language }) => ({
    ...(key === null ? {} : { 'idempotency-key': key }),
    'accept-language': language,
    ...(bodyType ? { 'content-type': bodyType } : {}),
  }));
}

const DEPTHS = fc.integer({ min: 1_000, max: 100_000 });

function bodyArbitrary(route: RouteSpec, attack: Attack, fields: FieldContext): fc.Arbitrary<unknown> {
  const schema = route.body;
  if (attack === 'deep') {
    const deep = fc.tuple(DEPTHS, fc.constantFrom('array' as const, 'object' as const)).map(([depth, shape]) => deeplyNested(depth, shape));
    const keys = Object.keys(schema?.properties ?? {});
    if (!schema || keys.length === 0) return deep;
    return fc.oneof(
      deep,
      fc.tuple(validValue(schema, fields), deep, fc.constantFrom(...keys)).map(([value, nested, key]) =>
        withOwnKey(value as Record<string, unknown>, key, nested),
      ),
    );
  }
  if (!schema) return fc.constantFrom(undefined, {}, { unexpected: true }, []);
  if (attack === 'mutated') {
    return fc.tuple(validValue(schema, fields), objectMutation(schema, DEPTHS)).map(([value, mutation]) => applyMutation(value as Record<string, unknown>, mutation));
  }
  return validValue(schema, fields);
}

function queryArbitrary(route: RouteSpec, attack: Attack, fields: FieldContext): fc.Arbitrary<unknown> {
  const valid = validValue(route.query, fields) as fc.Arbitrary<Record<string, unknown>>;
  if (attack === 'cursor') return fc.tuple(valid, oddCursor()).map(([query, cursor]) => ({ ...query, cursor }));
  if (attack === 'mutated') {
    return fc.tuple(valid, objectMutation(route.query, fc.integer({ min: 1, max: 200 }))).map(([value, mutation]) => applyMutation(value, mutation));
  }
  return valid;
}

/** Bodies and headers a well-meaning client would never send. */
type RawParts = { payload?: string | Buffer; headers: Record<string, string> };

function rawArbitrary(world: FuzzWorld): fc.Arbitrary<RawParts> {
  const boundary = 'fuzzboundary';
  const multipart = (field: string, part: Buffer, type: string) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="x.jpg"\r\nContent-Type: ${type}\r\n\r\n`),
      part,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
  return fc.oneof<fc.Arbitrary<RawParts>[]>(
    fc
      .tuple(
        fc.constantFrom('{', '{"a":', 'nul', '\u0000', '{"a":1}{"b":2}', '[1,]', '\uFEFF{}', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '', '"just a string"', '1e999', 'null', '[]'),
        fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'APPLICATION/JSON', 'application/json; boundary=x', ''),
      )
      .map(([payload, type]): RawParts => ({ payload, headers: type ? { 'content-type': type } : {} })),
    fc.constantFrom(1_100_000, 2_000).map((n) => ({ payload: `{"body":"${'x'.repeat(n)}"}`, headers: { 'content-type': 'application/json' } })),
    fc
      .tuple(fc.constantFrom('photo', 'receipt', 'file'), fc.oneof(fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)), fc.constant(world.image)), fc.constantFrom('image/jpeg', 'text/plain'))
      .map(([field, part, type]) => ({ payload: multipart(field, part, type), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })),
    fc.constantFrom('Bearer ', 'Bearer x', 'Basic Zm9vOmJhcg==', `Bearer ${'a'.repeat(5000)}`, 'bearer', 'Bearer \u00e9').map((authorization) => ({ headers: { authorization } })),
  );
}

export function requestArbitrary(route: RouteSpec, attack: Attack, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const as = (principals: readonly string[]) => fc.oneof(...principals.map((principal) => requestAs(principal, route, attack, world)));
  const admitted = world.admittedBy(route);
  return admitted.length ? fc.oneof({ weight: 4, arbitrary: as(admitted) }, { weight: 1, arbitrary: as(world.principals) }) : as(world.principals);
}

function requestAs(principal: string, route: RouteSpec, attack: Attack, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const fields = world.fieldsFor(principal);
  const method = route.method === 'GET' ? fc.constantFrom('GET', 'GET', 'HEAD') : fc.constant(route.method);
  const base = fc.record({ method, path: pathArbitrary(route, fields), query: queryArbitrary(route, attack, fields) });
  if (attack === 'raw') {
    return fc.tuple(base, rawArbitrary(world), headersArbitrary(attack, undefined)).map(([r, raw, headers]) => ({
      principal,
      method: r.method,
      url: r.path + queryString(r.query),
      headers: { ...headers, ...raw.headers },
      ...(raw.payload === undefined ? {} : { payload: raw.payload }),
    }));
  }
  const body = route.method === 'GET' ? fc.constant(undefined) : bodyArbitrary(route, attack, fields);
  return fc.tuple(base, body, headersArbitrary(attack, 'application/json')).map(([r, b, headers]) => {
    if (b === undefined) delete headers['content-type'];
    return {
      principal,
      method: r.method,
      url: r.path + queryString(r.query),
      headers,
      ...(b === undefined ? {} : { payload: b instanceof RawJson ? b.text : jsonText(b) }),
    };
  });
}
