import { CALL_RECORD_FIELDS } from '../../src/analytics/families/dialer/call-record.ts';
/**
 * Differential tests: the compiled executor against mingo (its reference) on pipelines that
 * dialgraph's own compilers build from random arguments, over random call documents (missing
 * and null fields, mixed types, instants at DST changes, several tenants). Both stores narrow
 * the same way, so the comparison is after the same narrowing. Each run also checks that the
 * compiled executor really ran (no fallback to mingo).
 *
 * Where the generated values are restricted, it is because mingo differs from MongoDB there
 * and the compiled executor follows MongoDB (see the table tests in compiled-executor.test.ts):
 * - expression comparisons (`$gt`, `$eq` in `$cond`…) on fields of the wrong type: mingo only
 *   compares values of the same type and matches arrays element-wise; so `talk_time_sec` (the
 *   one field compared with `$gt`) is a number, null or missing, and fields compared with `$eq`
 *   never hold arrays;
 * - strings: MongoDB orders by code point, mingo by UTF-16 code unit; they differ only between
 *   U+E000–U+FFFF and astral characters, so no generated string holds U+E000–U+FFFF;
 * - `$min`/`$max`/`$sort` on arrays or objects and nested arrays are not modelled (the executor
 *   hands such data to mingo), so scalar fields never hold them; `tags` and payload values may
 *   be flat arrays;
 * - `$unwind` of a non-array '' or {}: mingo drops the document, MongoDB keeps it; `tags` is
 *   never a bare '';
 * - NaN and -0 are not generated (mingo skips NaN in `$sum`/`$isNumber`; MongoDB does not);
 * - an empty `$count` in a `$facet` is `[]` on MongoDB and the executor, `[{ n: 0 }]` on mingo:
 *   normalised before comparing (`readFacets` reads both as 0).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { DEFAULT_FUNNEL_STAGES } from '../../src/contract/call-document.ts';
import { UserInputError } from '../../src/analytics/errors.ts';
import { analyticsQuery, type AnalyticsQueryInput } from '../../src/analytics/families/analytics-query/analytics-query.ts';
import { ANALYTICS_QUERY_TYPES, GRANULARITIES } from '../../src/analytics/families/analytics-query/query-types.ts';
import { CALL_CATEGORY_NAMES } from '../../src/analytics/families/dialer/call-categories.ts';
import { CALL_SORT_FIELDS, callListQuery } from '../../src/analytics/families/dialer/call-list.ts';
import type { CallSearchArgs } from '../../src/analytics/families/dialer/call-search.ts';
import { callStatsQuery } from '../../src/analytics/families/dialer/call-stats.ts';
import type { VocabularyPart } from '../../src/analytics/families/dialer/call-vocabulary.ts';
import { ENTITIES, entityAnalyticsQuery, type EntityKind } from '../../src/analytics/families/entity-analytics.ts';
import { groupedCallsQuery, type GroupedCallsArgs } from '../../src/analytics/families/grouped-calls.ts';
import { phoneNumberQuery } from '../../src/analytics/families/phone-numbers.ts';
import type { CallFilterArgs } from '../../src/analytics/filters/call-filter.ts';
import { compileCallQuery } from '../../src/analytics/query/compile-call-query.ts';
import type { CallQuery } from '../../src/analytics/query/call-query.ts';
import type { Principal } from '../../src/contract/principal.ts';
import { CALL_DIMENSIONS } from '../../src/analytics/registry/dimensions.ts';
import { CALL_DIRECTION, CALL_STATUS, OUTCOME_TYPE, type CallState } from '../../src/analytics/registry/enums.ts';
import { METRIC_NAMES, type MetricName } from '../../src/analytics/registry/metrics.ts';
import { GROUPED_SORT_KEYS } from '../../src/analytics/registry/sort-keys.ts';
import type { Pipeline } from '../../src/contract/pipeline.ts';
import { createEmbeddedStore } from '../../src/store/embedded/embedded-store.ts';

const NOW = new Date('2024-11-10T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TENANTS = ['t1', 't2', 't3'] as const;
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham'];
/** UTC instants of offset changes in the zones above, in 2024. */
const DST_EDGES = [
  '2024-03-10T07:00:00Z', // New York, spring
  '2024-03-31T01:00:00Z', // London, spring
  '2024-04-06T15:00:00Z', // Lord Howe, autumn (30 minutes)
  '2024-10-05T15:30:00Z', // Lord Howe, spring
  '2024-10-27T01:00:00Z', // London, autumn
  '2024-11-03T06:00:00Z', // New York, autumn
  '2024-11-03T03:30:00Z', // St John's, autumn
].map((text) => Date.parse(text));
/** Runs per property; `COMPILED_EXECUTOR_RUNS=2000 npx vitest run …` for a deeper search. */
const RUNS = Number(process.env.COMPILED_EXECUTOR_RUNS ?? 150);

/** Short strings, some non-ASCII and one astral; none in U+E000–U+FFFF (see above). */
const WORDS = ['a', 'b', 'web', 'phone', 'x y', 'É', 'é', 'zz', '中', '😀', '', 'Solar+', '(555)'];
const word = fc.constantFrom(...WORDS);
const date = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: NOW.getTime() }).map((ms) => new Date(ms));
const number = fc.oneof(fc.integer({ min: -5, max: 400 }), fc.integer({ min: -40, max: 4000 }).map((x) => (x === 0 ? 0 : x / 8)));

/** A field that is usually one of `values` but may be missing, null or another scalar type. */
function mixed<T>(values: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: values },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.oneof(word, number, fc.boolean(), date) },
  );
}

/** Numbers, null or missing only (the field is compared with `$gt` in an expression). */
const numericOnly = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 600 }) }, { weight: 1, arbitrary: fc.constant(null) });

const startedAt = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: NOW.getTime() - 45 * DAY, max: NOW.getTime() }) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...DST_EDGES), fc.integer({ min: -3 * HOUR, max: 3 * HOUR })).map(([at, d]) => at + d) },
  { weight: 1, arbitrary: fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: NOW.getTime() }) },
).map((ms) => new Date(ms));

const fieldArbitraries: Record<string, fc.Arbitrary<unknown>> = {
  user_id: mixed(fc.constantFrom('u1', 'u2')),
  assistant_id: mixed(fc.constantFrom('as1', 'as2', 'as3')),
  merchant_id: mixed(fc.constantFrom('m1', 'm2')),
  reseller_id: mixed(fc.constantFrom('r1')),
  template_id: mixed(fc.constantFrom('tp1', 'tp2')),
  agent_id: mixed(fc.constantFrom('ag1', 'ag2')),
  team_id: mixed(fc.constantFrom('tm1')),
  project_id: mixed(fc.constantFrom('p1', 'p2')),
  project_name: mixed(fc.constantFrom('Solar', 'Roofs', 'é')),
  lead_id: mixed(fc.constantFrom('l1', 'l2', 'l3', 'l4', '')),
  unique_id: mixed(fc.constantFrom('s1', 's2')),
  ended_at: mixed(date),
  duration_sec: mixed(number),
  talk_time_sec: numericOnly,
  answer_time_sec: mixed(number),
  total_time_sec: mixed(number),
  ai_talk_time_sec: mixed(number),
  channel: mixed(fc.constantFrom('web', 'phone')),
  platform_number: mixed(fc.constantFrom('+1555', '+1666', '')),
  direction: mixed(fc.constantFrom('inbound', 'outbound', 'internal')),
  status: mixed(fc.constantFrom(...Object.values(CALL_STATUS))),
  from_number: mixed(fc.constantFrom('+1', '+2', '+3')),
  to_number: mixed(fc.constantFrom('+1', '+4')),
  answered_by: mixed(fc.constantFrom('+1', '+5')),
  provider: mixed(fc.constantFrom('twilio', 'plivo')),
  outcome: mixed(word),
  outcome_type: mixed(fc.constantFrom(...Object.values(OUTCOME_TYPE))),
  sentiment: mixed(fc.integer({ min: -2, max: 12 }).map((x) => x / 10)),
  lead_status: mixed(fc.constantFrom(...DEFAULT_FUNNEL_STAGES, 'lost')),
  attempt: mixed(fc.integer({ min: 1, max: 4 })),
  // A non-array value is unwound as itself; mingo drops '' and {} there (MongoDB keeps them).
  tags: fc.oneof(fc.array(word, { maxLength: 3 }), fc.constant(null), word.filter((text) => text !== '')),
  label: mixed(word),
  source: mixed(word),
  utm_source: mixed(word),
  utm_medium: mixed(word),
  utm_campaign: mixed(word),
  utm_term: mixed(word),
  call_flow_id: mixed(fc.constantFrom('f1', 'f2')),
  call_flow_name: mixed(word),
  tracking_number: mixed(fc.constantFrom('+7', '+8')),
  number_id: mixed(fc.constantFrom('n1', 'n2')),
  number_group_id: mixed(fc.constantFrom('g1')),
  ai_category: mixed(fc.constantFrom('lead', 'spam')),
  ai_score: mixed(fc.integer({ min: 0, max: 100 })),
  robo_score: mixed(fc.integer({ min: 0, max: 100 })),
  qualified: mixed(fc.boolean()),
  value_cents: mixed(fc.integer({ min: 0, max: 10_000 })),
  cost_cents: mixed(fc.integer({ min: 0, max: 500 })),
  ai_talk_cost_cents: mixed(fc.integer({ min: 0, max: 500 })),
  quality_rating: mixed(fc.integer({ min: 1, max: 5 })),
  first_time_for_user: mixed(fc.boolean()),
  ai_handled: mixed(fc.boolean()),
  has_transcript: mixed(fc.boolean()),
  is_transfer_leg: mixed(fc.boolean()),
  payload: fc.dictionary(fc.constantFrom('city', 'plan', 'score', 'flag'), fc.oneof(mixed(word), fc.array(word, { maxLength: 2 })), { maxKeys: 3 }),
};

/** A call: the scope fields always valid (the store requires them), every other field optional. */
const callArbitrary = fc
  .record(
    {
      tenant_id: fc.constantFrom('t1', 't1', 't1', ...TENANTS),
      user_email: fc.constantFrom('owner@t1.example', 'Owner@T2.example', 'x@t3.example'),
      started_at: startedAt,
      ...fieldArbitraries,
    },
    { requiredKeys: ['tenant_id', 'user_email', 'started_at'] },
  )
  .map((fields) => fields as unknown as Omit<CallDocument, '_id'>);

const callsArbitrary = fc
  .array(callArbitrary, { minLength: 5, maxLength: 40, size: 'medium' })
  // Ids are unique (the dialer's sort breaks ties on them), and out of time order.
  .map((calls) => calls.map((call, i): CallDocument => ({ _id: `c${String(97 - i).padStart(3, '0')}`, ...call }) as CallDocument));

const principalArbitrary: fc.Arbitrary<Principal> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Principal>({ tenantId: 't1', userEmail: 'owner@t1.example', role: 'user' }) },
  { weight: 1, arbitrary: fc.constantFrom(...TENANTS).map((tenantId): Principal => ({ tenantId, userEmail: `owner@${tenantId}.example`, role: 'user' })) },
  { weight: 1, arbitrary: fc.constant<Principal>({ tenantId: 't1', userId: 'u1', allUsers: true, userEmail: 'owner@t1.example', role: 'user' }) },
);
const admin: Principal = { tenantId: 'ops', userEmail: 'ops@example.test', role: 'super_admin' };
const instant = fc
  .oneof({ weight: 3, arbitrary: fc.integer({ min: NOW.getTime() - 40 * DAY, max: NOW.getTime() }) }, { weight: 1, arbitrary: fc.integer({ min: Date.parse('2024-02-01T00:00:00Z'), max: NOW.getTime() }) })
  .map((ms) => new Date(ms));
/** `startDate`/`endDate` of an instant range: either bound may be absent; never reversed. */
const instantRange = fc
  .tuple(maybeInstant(), maybeInstant())
  .map(([a, b]) => (a && b && a > b ? { startDate: b, endDate: a } : { startDate: a, endDate: b }));
function maybeInstant(): fc.Arbitrary<Date | undefined> {
  return fc.option(instant, { nil: undefined, freq: 2 });
}
const day = fc
  .oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 60 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 300 }) })
  .map((back) => new Date(NOW.getTime() - back * DAY).toISOString().slice(0, 10));
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined, freq: 2 });
const subset = <T>(values: readonly T[], max = values.length): fc.Arbitrary<T[]> => fc.subarray([...values], { maxLength: max });

/** At most `max` of the optional fields (so filters leave some calls to compare). */
function someOf<T extends Record<string, unknown>>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }, max: number): fc.Arbitrary<Partial<T>> {
  return subset(Object.keys(fields), max).chain((keys) =>
    fc.record(Object.fromEntries(keys.map((key) => [key, fields[key]])) as { [K in keyof T]: fc.Arbitrary<T[K]> }),
  ) as fc.Arbitrary<Partial<T>>;
}

/** An ordered pair of days (the families refuse reversed ranges). */
const dayRange = fc.tuple(day, day).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));

/** Both engines over the same frozen documents; the answer of each and whether compiled ran (twice). */
async function bothEngines(calls: CallDocument[], pipeline: Pipeline): Promise<{ compiled: unknown[]; mingo: unknown[]; ranCompiled: boolean }> {
  const auto = createEmbeddedStore({ calls });
  const reference = createEmbeddedStore({ calls, executor: 'mingo' });
  const compiled = await auto.aggregate(pipeline);
  // Again, now reading the columns the first run built: the same answer.
  expect(await auto.aggregate(pipeline)).toEqual(compiled);
  const mingo = await reference.aggregate(pipeline);
  return { compiled, mingo: normaliseEmptyCounts(pipeline, mingo), ranCompiled: auto.engineRuns.compiled === 2 && auto.engineRuns.mingo === 0 };
}

/** mingo's `[{ n: 0 }]` for an empty `$count` branch of the final `$facet` becomes MongoDB's `[]`. */
function normaliseEmptyCounts(pipeline: Pipeline, rows: unknown[]): unknown[] {
  const facet = pipeline.at(-1)?.$facet as Record<string, Record<string, unknown>[]> | undefined;
  if (!facet || rows.length !== 1) return rows;
  const doc = { ...(rows[0] as Record<string, unknown>) };
  for (const [name, branch] of Object.entries(facet)) {
    const field = branch.at(-1)?.$count;
    const out = doc[name] as Record<string, unknown>[] | undefined;
    if (typeof field === 'string' && out?.length === 1 && out[0][field] === 0) doc[name] = [];
  }
  return [doc];
}

/** Compiles with the family; argument combinations the family refuses are skipped. */
function compile(build: () => CallQuery): Pipeline | null {
  try {
    return compileCallQuery(build());
  } catch (error) {
    if (error instanceof UserInputError) return null;
    throw error;
  }
}

/** How many comparisons of the current property had rows to compare (the data must reach the pipelines). */
let withRows = 0;

/** Rows in an answer, counting the rows inside a `$facet` document. */
function rowCount(rows: readonly unknown[]): number {
  const [first] = rows;
  if (rows.length !== 1 || typeof first !== 'object' || first === null || '_id' in first) return rows.length;
  return Object.values(first).reduce<number>((sum, branch) => sum + (Array.isArray(branch) ? branch.length : 0), 0);
}

async function check(calls: CallDocument[], pipeline: Pipeline | null): Promise<void> {
  if (!pipeline) return;
  const { compiled, mingo, ranCompiled } = await bothEngines(calls, pipeline);
  if (rowCount(compiled) > 0) withRows += 1;
  expect(ranCompiled).toBe(true);
  expect(compiled).toEqual(mingo);
}

const params = { numRuns: RUNS, endOnFailure: true } as const;

beforeEach(() => {
  withRows = 0;
});

afterEach(() => {
  // Guards the generators: most runs must compare real rows, not two empty answers.
  expect(withRows).toBeGreaterThan(RUNS / 4);
});

describe('compiled executor = mingo on the pipelines dialgraph compiles', () => {
  it('phone numbers (tenant and admin)', async () => {
    await fc.assert(
      fc.asyncProperty(
        callsArbitrary,
        principalArbitrary,
        fc.tuple(instantRange, fc.record({ assistantId: maybe(fc.constantFrom('as1', 'as2')), userEmail: maybe(fc.constantFrom('OWNER@t1.example', 'owner@t2.example')) })).map(([range, rest]) => ({ ...range, ...rest })),
        fc.boolean(),
        async (calls, principal, args, allTenants) => {
          const pipeline = compile(() =>
            allTenants
              ? phoneNumberQuery({ principal: admin, args: { ...args, assistantId: undefined }, now: NOW, allTenants: true })
              : phoneNumberQuery({ principal, args: { ...args, userEmail: undefined }, now: NOW, allTenants: false }),
          );
          await check(calls, pipeline);
        },
      ),
      params,
    );
  });

  const filterArbitrary: fc.Arbitrary<CallFilterArgs> = someOf<Required<CallFilterArgs>>(
    {
      startDate: day,
      endDate: day,
      status: fc.constantFrom(...(Object.keys(CALL_STATUS) as (keyof typeof CALL_STATUS)[])),
      source: word,
      direction: fc.constantFrom(...(Object.keys(CALL_DIRECTION) as (keyof typeof CALL_DIRECTION)[])),
      callFlowId: fc.constantFrom('f1', 'f2'),
      numberId: fc.constantFrom('n1'),
      numberGroupId: fc.constantFrom('g1'),
      minAiScore: fc.integer({ min: 0, max: 60 }),
      maxAiScore: fc.integer({ min: 40, max: 100 }),
      aiCategory: fc.constantFrom('lead', 'spam'),
      qualified: fc.boolean(),
      minDuration: fc.integer({ min: 0, max: 300 }),
    } as never,
    3,
  );

  it('grouped calls (every dimension, metric and sort key)', async () => {
    await fc.assert(
      fc.asyncProperty(
        callsArbitrary,
        principalArbitrary,
        subset(CALL_DIMENSIONS, 3).chain((groupBy) =>
          fc.record({
            groupBy: fc.shuffledSubarray(groupBy, { minLength: groupBy.length, maxLength: groupBy.length }),
            filter: maybe(filterArbitrary),
            // A dimension that is not grouped is refused; sort by a metric or a grouped dimension.
            sortBy: fc.constantFrom(...Object.keys(GROUPED_SORT_KEYS).filter((key) => {
              const target = GROUPED_SORT_KEYS[key];
              return 'metric' in target || groupBy.includes(target.dimension);
            })),
            sortOrder: fc.constantFrom('ASC' as const, 'DESC' as const),
            limit: fc.integer({ min: 1, max: 12 }),
            timezone: fc.constantFrom(...ZONES),
          }),
        ),
        subset(METRIC_NAMES),
        fc.option(subset(METRIC_NAMES), { nil: null }),
        async (calls, principal, args, rows, totals) => {
          const pipeline = compile(
            () =>
              groupedCallsQuery({
                principal,
                args: args as GroupedCallsArgs,
                selection: { rows: new Set<MetricName>(rows), totals: totals ? new Set<MetricName>(totals) : null },
                now: NOW,
              }).query,
          );
          await check(calls, pipeline);
        },
      ),
      params,
    );
  });

  it('analyticsQuery (every query type, granularity and zone)', async () => {
    const filters = someOf(
      {
        templateId: fc.constantFrom('tp1', 'tp2'),
        merchantId: fc.constantFrom('m1'),
        resellerId: fc.constantFrom('r1'),
        dateFrom: fc.integer({ min: 10, max: 80 }).map((back) => new Date(NOW.getTime() - back * DAY)),
        dateTo: fc.integer({ min: 0, max: 9 }).map((back) => new Date(NOW.getTime() - back * DAY)),
        minDuration: fc.integer({ min: 0, max: 200 }),
        maxDuration: fc.integer({ min: 200, max: 900 }),
        sentimentMin: fc.constantFrom(0, 0.2, 0.5),
        sentimentMax: fc.constantFrom(0.6, 1),
        payloadFilters: fc.dictionary(fc.constantFrom('city', 'plan', 'flag'), fc.oneof(word, fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.constant(null)), { maxKeys: 2 }),
      },
      3,
    );
    await fc.assert(
      fc.asyncProperty(
        callsArbitrary,
        principalArbitrary,
        fc.record({
          queryType: fc.constantFrom(...ANALYTICS_QUERY_TYPES),
          filters: maybe(filters),
          granularity: fc.constantFrom(...GRANULARITIES),
          timezone: fc.constantFrom(...ZONES),
        }),
        fc.constantFrom<readonly string[]>(DEFAULT_FUNNEL_STAGES, ['new', '$weird', 'won']),
        async (calls, principal, input, funnelStages) => {
          const pipeline = compile(() => analyticsQuery({ principal, input: input as AnalyticsQueryInput, now: NOW, funnelStages }).query);
          await check(calls, pipeline);
        },
      ),
      params,
    );
  });

  const searchArbitrary: fc.Arbitrary<CallSearchArgs> = fc
    .tuple(
      dayRange,
      someOf(
        {
          timezone: fc.constantFrom(...ZONES),
          searchString: fc.constantFrom('+1', ' so ', 'É', '(555)', 'x y', 'a.b*'),
          types: subset(Object.keys(CALL_DIRECTION) as (keyof typeof CALL_DIRECTION)[]),
          states: subset<CallState>(['ANSWERED', 'UNANSWERED', 'FAILED']),
          categories: subset(CALL_CATEGORY_NAMES, 3),
          agentIds: subset(['ag1', 'ag2']),
          teamIds: subset(['tm1']),
          uniqueIds: subset(['s1']),
          projectIds: subset(['p1', 'p2']),
          textProjects: subset(['Solar', 'é']),
          tags: subset(WORDS, 3),
          outcomes: subset(WORDS, 2),
          outcomeTypes: subset(Object.keys(OUTCOME_TYPE) as (keyof typeof OUTCOME_TYPE)[]),
          number: fc.constantFrom('+1', '+4'),
          fromNumber: fc.constantFrom('+1', '+2'),
          toNumber: fc.constantFrom('+4'),
          toAnswer: fc.constantFrom('+5'),
          talkTimeFrom: fc.integer({ min: 0, max: 100 }),
          talkTimeTo: fc.integer({ min: 100, max: 700 }),
          answerTimeFrom: fc.integer({ min: 0, max: 50 }),
          answerTimeTo: fc.integer({ min: 50, max: 500 }),
          qualityRating: fc.integer({ min: 1, max: 5 }),
          userId: fc.constantFrom('u1', 'u2'),
          allUsers: fc.boolean(),
          showTransfers: fc.boolean(),
          showAICallsWithLog: fc.boolean(),
        } as never,
        4,
      ) as fc.Arbitrary<Partial<CallSearchArgs>>,
    )
    .map(([[dayFrom, dayTo], rest]) => ({ dayFrom, dayTo, ...rest }));

  it('dialer calls list and callStats', async () => {
    await fc.assert(
      fc.asyncProperty(
        callsArbitrary,
        principalArbitrary,
        searchArbitrary,
        fc.record({
          page: fc.integer({ min: 1, max: 3 }),
          itemsPerPage: fc.integer({ min: 1, max: 8 }),
          sortBy: fc.constantFrom(...CALL_SORT_FIELDS),
          sortDirection: fc.constantFrom('ASC' as const, 'DESC' as const),
        }),
        subset<VocabularyPart>(['tags', 'outcomes', 'projects']),
        async (calls, principal, search, paging, vocabulary) => {
          // The list's three pipelines (choices only when selected); a refused search is skipped.
          const list = compile(() => callListQuery({ principal, args: { search, ...paging }, vocabulary: new Set(vocabulary), fields: CALL_RECORD_FIELDS, now: NOW }).queries.page);
          if (list) {
            const { queries } = callListQuery({ principal, args: { search, ...paging }, vocabulary: new Set(vocabulary), fields: CALL_RECORD_FIELDS, now: NOW });
            for (const query of [queries.page, queries.count, queries.choices]) if (query) await check(calls, compileCallQuery(query));
          }
          await check(calls, compile(() => callStatsQuery({ principal, search, now: NOW }).query));
          await check(calls, compile(() => callStatsQuery({ principal, search, now: NOW, dateInterval: 'DAY' }).query));
        },
      ),
      params,
    );
  });

  it('entity analytics (batched keys)', async () => {
    await fc.assert(
      fc.asyncProperty(
        callsArbitrary,
        principalArbitrary,
        fc.constantFrom(...(Object.keys(ENTITIES) as EntityKind[])).chain((entity) =>
          fc.tuple(
            fc.constant(entity),
            fc.array(fc.constantFrom(...(entity === 'ASSISTANT' ? ['as1', 'as2', 'as3', 'x'] : ['+1555', '+1666', '', 'x'])), { minLength: 1, maxLength: 4 }),
          ),
        ),
        instantRange,
        async (calls, principal, [entity, keys], args) => {
          await check(calls, compile(() => entityAnalyticsQuery({ principal, entity, keys, args, now: NOW })));
        },
      ),
      params,
    );
  });
});

