import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/**
 * Schema-driven fast-check arbitraries for the fuzz suite (test/graphql/fuzz.test.ts): random
 * operations over the real schema, with random selections, arguments as variables or literals,
 * edge values of every scalar, wrong types, malformed entity representations and hostile JSON
 * keys. Values stay JSON (what a client can send).
 */

/** A drawing function as `fc.gen()` hands it out. */
type Draw = fc.GeneratorValue;

/** What a client may send to `/graphql`. */
export interface FuzzRequest {
  query: string;
  variables: Record<string, unknown>;
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', '$where', '$gt', '$expr', 'a.b', '', ' ', 'toString', 'hasOwnProperty', '__typename', 'x'.repeat(300)];
const EDGE_STRINGS = ['', ' ', '\u0000', 'null', 'undefined', 'NaN', '-1', '0', '1e309', '%', '\\', '"', '💥', 'é', '\u202e', 'x'.repeat(5_000), '__proto__', '$gt', 'as1', 'acme-health', 'usr_acme_01'];
const EDGE_INTS = [0, 1, -1, 2, 3, 7, 24, 99, 100, 101, 999, 1000, 1001, 10_000, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53 - 1, 2 ** 53, -(2 ** 53)];
const EDGE_FLOATS = [0, -0, 0.5, -0.5, 1e-300, 1e300, 1.7976931348623157e308, 3.3, 100.0001, -100];
const ZONES = ['UTC', 'Etc/UTC', 'America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Etc/GMT-14', '+05:30', 'EST', 'Nope/Zone', 'utc', 'america/new_york', '', 'x'.repeat(2_000)];
const EMAILS = ['owner@acme.example', 'OWNER@ACME.EXAMPLE', 'a@b.c', 'not an email', '@', '', 'x'.repeat(300) + '@y.z'];

/** Instants and days around `now` (the sample data's end), plus ones far outside any range. */
function dateValues(now: Date) {
  const day = 86_400_000;
  const instants = [0, 1, 3, 7, 29, 30, 31, 89, 90, 365, 366, 7_300, 7_305, 8_000, -1].map((d) => new Date(now.getTime() - d * day));
  const isoInstants = [...instants.map((d) => d.toISOString()), '1970-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', '2024-03-10T02:30:00-05:00', '2024-03-10', 'yesterday', ''];
  const isoDays = [...instants.map((d) => d.toISOString().slice(0, 10)), '1970-01-01', '0000-01-01', '9999-12-31', '2024-02-29', '2023-02-29', '2024-13-01', '2024-1-1', '20240101', 'today', ''];
  return { isoInstants, isoDays };
}

export function createFuzz(schema: GraphQLSchema, now: Date) {
  const { isoInstants, isoDays } = dateValues(now);

  const hostileObject: fc.Arbitrary<Record<string, unknown>> = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 })
    // Built from JSON text so `__proto__` is an own key, as it is when parsed from a request body.
    .map((entries) => JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v ?? null)}`).join(',')}}`));

  const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileObject);

  function scalar(draw: Draw, name: string): unknown {
    switch (name) {
      case 'Int':
      case 'SafeInt':
        return draw(() => fc.oneof(fc.constantFrom(...EDGE_INTS), fc.integer({ min: -5, max: 200 }), fc.integer()));
      case 'Float':
        return draw(() => fc.oneof(fc.constantFrom(...EDGE_FLOATS), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -10, max: 120 })));
      case 'Boolean':
        return draw(fc.boolean);
      case 'DateTime':
        return draw(() => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...isoInstants) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }));
      case 'Date':
        return draw(() => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...isoDays) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }));
      case 'TimeZone':
        return draw(() => fc.constantFrom(...ZONES));
      case 'EmailAddress':
        return draw(() => fc.constantFrom(...EMAILS));
      case 'JSON':
        return draw(() => anyJson);
      case 'JSONObject':
        return draw(() => fc.oneof({ weight: 3, arbitrary: hostileObject }, { weight: 1, arbitrary: anyJson }));
      case '_Any':
        return representation(draw);
      case '_FieldSet':
        return draw(() => fc.constantFrom('id', '', 'number'));
      default:
        // String, ID and anything else: edge strings, short random ones, known ids.
        return draw(() => fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...EDGE_STRINGS) }, { weight: 2, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.integer() }));
    }
  }

  /** An `_entities` representation: well-formed, nearly so, or junk. */
  function representation(draw: Draw): unknown {
    const typename = draw(() => fc.oneof(fc.constantFrom('Assistant', 'PhoneNumber', 'Nope', 'toString', '__proto__', 'Query', 'Call', ''), fc.jsonValue({ maxDepth: 1 })));
    const key = draw(() => fc.oneof(fc.constantFrom('as1', 'ast_acme_01', '+15550100', 'x', '', 7, 0, -1, 1e300, null), fc.jsonValue({ maxDepth: 2 }), hostileObject));
    const shape = draw(() => fc.constantFrom('id', 'number', 'both', 'none', 'junk', 'nested'));
    if (shape === 'junk') return draw(() => anyJson);
    const base: Record<string, unknown> = draw(fc.boolean) ? { __typename: typename } : {};
    if (shape === 'id' || shape === 'both') base.id = key;
    if (shape === 'number' || shape === 'both') base.number = key;
    if (shape === 'nested') base.id = [[[[key]]]];
    return base;
  }

  /**
   * Half the requests are "mischievous": values of the wrong kind and nulls anywhere, which
   * coercion must refuse cleanly. The other half keep to the types, so their edge values reach
   * the compiler and the pipelines.
   */
  let mischief = true;

  function inputValue(draw: Draw, type: GraphQLInputType, depth: number): unknown {
    if (mischief && draw(() => fc.integer({ min: 0, max: 79 })) === 0) return draw(() => anyJson);
    if (isNonNullType(type)) {
      if (mischief && draw(() => fc.integer({ min: 0, max: 79 })) === 0) return null;
      return inputValue(draw, type.ofType, depth);
    }
    if (draw(() => fc.integer({ min: 0, max: mischief ? 29 : 59 })) === 0) return null;
    if (isListType(type)) {
      if (depth > 4) return [];
      const n = draw(() => fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(4, 8)));
      return Array.from({ length: n }, () => inputValue(draw, type.ofType, depth + 1));
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return draw(() => fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom('NOPE', values[0].toLowerCase(), '') }));
    }
    if (isInputObjectType(type)) {
      if (depth > 4) return {};
      const object: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (required ? !mischief || draw(() => fc.integer({ min: 0, max: 19 })) !== 0 : draw(() => fc.integer({ min: 0, max: 2 })) === 0) {
          object[field.name] = inputValue(draw, field.type, depth + 1);
        }
      }
      if (mischief && draw(() => fc.integer({ min: 0, max: 49 })) === 0) object[draw(() => fc.constantFrom(...HOSTILE_KEYS, 'unknownField'))] = 1;
      return object;
    }
    return scalar(draw, (type as GraphQLNamedType).name);
  }

  /** Prints a JSON value as a GraphQL literal of `type` (enum names bare where they are names). */
  function literal(value: unknown, type: GraphQLInputType): string {
    if (value === null || value === undefined) return 'null';
    const named = getNamedType(type);
    if (Array.isArray(value)) {
      const inner = isNonNullType(type) ? type.ofType : type;
      const item = isListType(inner) ? inner.ofType : inner;
      return `[${value.map((v) => literal(v, item as GraphQLInputType)).join(', ')}]`;
    }
    if (typeof value === 'object') {
      const fields = isInputObjectType(named) ? named.getFields() : {};
      return `{ ${Object.entries(value)
        .map(([k, v]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(k) ? k : JSON.stringify(k)}: ${literal(v, (fields[k]?.type ?? named) as GraphQLInputType)}`)
        .join(', ')} }`;
    }
    if (typeof value === 'string' && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
    return JSON.stringify(value);
  }

  function printable(value: unknown): boolean {
    if (Array.isArray(value)) return value.every(printable);
    if (value !== null && typeof value === 'object') return Object.entries(value).every(([k, v]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k) && printable(v));
    return true;
  }

  /** Arguments of one field: each absent, a variable, or a literal. */
  function argumentsOf(draw: Draw, args: readonly GraphQLArgument[], variables: Record<string, unknown>, definitions: string[], depth: number): string {
    const parts: string[] = [];
    for (const arg of args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!required && draw(() => fc.integer({ min: 0, max: 2 })) === 0) continue;
      if (mischief && required && draw(() => fc.integer({ min: 0, max: 39 })) === 0) continue;
      const value = inputValue(draw, arg.type, depth);
      // A literal whose object keys are not GraphQL names would not parse: send those as variables.
      if (!printable(value) || draw(fc.boolean)) {
        const name = `v${definitions.length}`;
        definitions.push(`$${name}: ${String(arg.type)}`);
        if (value !== undefined) variables[name] = value;
        parts.push(`${arg.name}: $${name}`);
      } else {
        parts.push(`${arg.name}: ${literal(value, arg.type)}`);
      }
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  function selection(draw: Draw, type: GraphQLOutputType, variables: Record<string, unknown>, definitions: string[], depth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    if (isAbstractType(named)) {
      const possible = schema.getPossibleTypes(named);
      const picked = draw(() => fc.subarray([...possible], { minLength: 0, maxLength: Math.min(3, possible.length) }));
      return `{ __typename ${picked.map((t) => `... on ${t.name} ${selection(draw, t, variables, definitions, depth + 1)}`).join(' ')} }`;
    }
    if (!isObjectType(named)) return '{ __typename }';
    const fields = Object.values(named.getFields()) as GraphQLField<unknown, unknown>[];
    // Deep down, leaves only, so every operation stays within the depth limit most of the time.
    const candidates = depth >= 4 ? fields.filter((f) => isLeafType(getNamedType(f.type))) : fields;
    if (candidates.length === 0) return '{ __typename }';
    const picked = draw(() => fc.subarray(candidates, { minLength: 1, maxLength: Math.min(4, candidates.length) }));
    const parts = picked.map((field) => {
      const alias = draw(() => fc.integer({ min: 0, max: 9 })) === 0 ? `a${depth}_${field.name}: ` : '';
      return `${alias}${field.name}${argumentsOf(draw, field.args, variables, definitions, 0)} ${selection(draw, field.type, variables, definitions, depth + 1)}`;
    });
    return `{ ${parts.join(' ')} }`;
  }

  const query = schema.getQueryType()!;
  const rootFields = Object.values(query.getFields()) as GraphQLField<unknown, unknown>[];

  /** One operation on one (or two) random root fields. */
  const request: fc.Arbitrary<FuzzRequest> = fc.gen().map((draw) => {
    const variables: Record<string, unknown> = {};
    const definitions: string[] = [];
    mischief = draw(fc.boolean);
    const roots = draw(() => fc.subarray(rootFields, { minLength: 1, maxLength: 2 }));
    const body = roots
      .map((field, i) => `r${i}: ${field.name}${argumentsOf(draw, field.args, variables, definitions, 0)} ${selection(draw, field.type, variables, definitions, 1)}`)
      .join(' ');
    // Now and then a variable the operation does not declare, or one of the wrong type.
    if (mischief && draw(() => fc.integer({ min: 0, max: 9 })) === 0) variables.undeclared = draw(() => anyJson);
    const header = definitions.length ? `query Fuzz(${definitions.join(', ')})` : 'query Fuzz';
    return { query: `${header} { ${body} }`, variables };
  });

  return { request, anyJson, hostileObject, scalar, inputValue };
}
