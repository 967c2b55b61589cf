import { CALL_CATEGORY_NAMES } from '../../analytics/families/dialer/call-categories.ts';
import { CALL_SORT_FIELDS, MAX_ITEMS_PER_PAGE, type CallList as CallListShape } from '../../analytics/families/dialer/call-list.ts';
import {
  readCallField,
  type CallRecordField,
  type CallTransfer,
  type ProjectedCall,
  type TranscriptSegment,
} from '../../analytics/families/dialer/call-record.ts';
import { MAX_SEARCH_DAYS, MAX_SEARCH_STRING } from '../../analytics/families/dialer/call-search.ts';
import {
  DATE_INTERVALS,
  type CallStatsInterval as CallStatsIntervalShape,
  type DetailedCallStats as DetailedCallStatsShape,
  type DirectionStats,
  type TimeStats,
} from '../../analytics/families/dialer/call-stats.ts';
import type { CallProject as CallProjectShape } from '../../analytics/families/dialer/call-vocabulary.ts';
import { builder } from '../builder.ts';
import { CallDirectionEnum, CallStateEnum, CallStatusEnum, OutcomeTypeEnum } from '../enums.ts';

/** Types of the dialer family (`calls`, `callStats`): enums, the search input, the outputs. */

export const CallCategoryEnum = builder.enumType('CallCategory', {
  description:
    'A dialer call category: ALL, a direction, a state, or a direction_state pair such as INBOUND_ANSWERED. ' +
    'A list of categories keeps the union of the calls each names.',
  values: CALL_CATEGORY_NAMES,
});

export const CallSortFieldEnum = builder.enumType('CallSortField', {
  description: 'TIMESTAMP = started_at; TALK_TIME and ANSWER_TIME count a missing time as 0. Ties: call id ascending.',
  values: CALL_SORT_FIELDS,
});

const optionalList = { list: false, items: true } as const;

export const CallSearchInput = builder.inputType('CallSearch', {
  description: 'The dialer search shared by `calls` and `callStats`. Every filter is AND-ed; an empty list filters nothing.',
  fields: (t) => ({
    dayFrom: t.field({ type: 'Date', required: true, description: 'First local day in `timezone`, inclusive.' }),
    dayTo: t.field({ type: 'Date', required: true, description: `Last local day, inclusive; at most ${MAX_SEARCH_DAYS} days from dayFrom.` }),
    timezone: t.field({ type: 'TimeZone', required: false, defaultValue: 'UTC', description: 'IANA zone of the days. Default UTC.' }),
    searchString: t.string({
      required: false,
      description:
        `Case-insensitive literal substring (at most ${MAX_SEARCH_STRING} characters, surrounding spaces ignored) of the ` +
        'from/to number, project name, label, outcome, any tag, campaign or AI recording title. Never a pattern.',
    }),
    types: t.field({ type: [CallDirectionEnum], required: optionalList, description: 'Directions to keep.' }),
    states: t.field({ type: [CallStateEnum], required: optionalList, description: 'States to keep (completed → ANSWERED, failed → FAILED, other → UNANSWERED).' }),
    categories: t.field({ type: [CallCategoryEnum], required: optionalList, description: 'Union of the calls each category names; ALL keeps every call.' }),
    agentIds: t.field({ type: ['ID'], required: optionalList }),
    teamIds: t.field({ type: ['ID'], required: optionalList }),
    uniqueIds: t.field({ type: ['ID'], required: optionalList, description: 'Telephony session ids (`unique_id`).' }),
    projectIds: t.field({ type: ['ID'], required: optionalList }),
    textProjects: t.field({ type: ['String'], required: optionalList, description: 'Project names, exact.' }),
    tags: t.field({ type: ['String'], required: optionalList, description: 'Calls with any of these tags.' }),
    outcomes: t.field({ type: ['String'], required: optionalList, description: 'Outcome tags, exact.' }),
    outcomeTypes: t.field({ type: [OutcomeTypeEnum], required: optionalList, description: 'ABSENT also keeps calls without an outcome type.' }),
    number: t.string({ required: false, description: 'Exactly the from, to or answering number.' }),
    fromNumber: t.string({ required: false, description: 'Exact.' }),
    toNumber: t.string({ required: false, description: 'Exact.' }),
    toAnswer: t.string({ required: false, description: 'Answering number (`answered_by`), exact.' }),
    talkTimeFrom: t.int({ required: false, description: 'Seconds, inclusive; a missing talk time counts as 0.' }),
    talkTimeTo: t.int({ required: false, description: 'Seconds, inclusive.' }),
    answerTimeFrom: t.int({ required: false, description: 'Seconds, inclusive; a missing answer time counts as 0.' }),
    answerTimeTo: t.int({ required: false, description: 'Seconds, inclusive.' }),
    allUsers: t.boolean({
      required: false,
      defaultValue: false,
      description: 'A key bound to one user sees only that user’s calls unless this is true. Account keys see every call either way.',
    }),
    userId: t.id({ required: false, description: 'Calls of this user only.' }),
    qualityRating: t.int({ required: false, description: 'Exact rating (1–5).' }),
    showTransfers: t.boolean({ required: false, defaultValue: false, description: 'Include transfer legs (hidden by default).' }),
    showAICallsWithLog: t.boolean({ required: false, defaultValue: false, description: 'Only AI-handled calls that have a transcript.' }),
  }),
});

const TranscriptSpeakerEnum = builder.enumType('TranscriptSpeaker', {
  description: 'Who speaks in a transcript segment (stored agent, client, ai).',
  values: ['AGENT', 'CLIENT', 'AI'] as const,
});

const CallTransferRef = builder.objectRef<CallTransfer>('CallTransfer').implement({
  description: 'One transfer of a call.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    from: t.exposeString('from', { description: 'Number or extension the call was transferred from.' }),
    to: t.exposeString('to', { description: 'Number or extension it was transferred to.' }),
    type: t.exposeString('type', { description: 'blind, attended, warm…' }),
    userId: t.exposeID('userId', { nullable: true, description: 'User who transferred it.' }),
  }),
});

const TranscriptSegmentRef = builder.objectRef<TranscriptSegment>('TranscriptSegment').implement({
  description: 'One transcript segment.',
  fields: (t) => ({
    atSec: t.exposeFloat('atSec', { description: 'Seconds from the call start.' }),
    speaker: t.expose('speaker', { type: TranscriptSpeakerEnum }),
    text: t.exposeString('text'),
  }),
});

/** Each field reads the projected call document through the analytics record table. */
const read =
  <F extends CallRecordField>(name: F) =>
  (doc: ProjectedCall) =>
    readCallField(doc, name);

export const CallRef = builder.objectRef<ProjectedCall>('Call').implement({
  description:
    'One dialer call: the full record of seed 003 in camelCase. Timings are seconds; a missing timing is 0. ' +
    'The list reads from storage only the fields a query selects.',
  fields: (t) => ({
    id: t.id({ resolve: read('id') }),
    uniqueId: t.string({ nullable: true, description: 'Telephony session id.', resolve: read('uniqueId') }),
    timestamp: t.field({ type: 'DateTime', description: 'Call start (`started_at`).', resolve: read('timestamp') }),
    answerTime: t.float({ description: 'Seconds until answered.', resolve: read('answerTime') }),
    callTime: t.float({ description: 'Call duration (`duration_sec`).', resolve: read('callTime') }),
    talkTime: t.float({ resolve: read('talkTime') }),
    aiTalkTime: t.float({ resolve: read('aiTalkTime') }),
    totalTime: t.float({ description: 'Including ringing and hold.', resolve: read('totalTime') }),
    type: t.field({ type: CallDirectionEnum, description: 'Direction.', resolve: read('type') }),
    state: t.field({ type: CallStateEnum, resolve: read('state') }),
    status: t.field({ type: CallStatusEnum, resolve: read('status') }),
    fromNumber: t.string({ nullable: true, resolve: read('fromNumber') }),
    toNumber: t.string({ nullable: true, resolve: read('toNumber') }),
    toAnswer: t.string({ nullable: true, description: 'Answering party (`answered_by`).', resolve: read('toAnswer') }),
    clientNumber: t.string({ nullable: true, description: 'The other party: fromNumber of an inbound call, toNumber otherwise.', resolve: read('clientNumber') }),
    lineNumber: t.string({ nullable: true, description: 'The platform number used (`platform_number`).', resolve: read('lineNumber') }),
    campaign: t.string({ nullable: true, description: 'Marketing campaign.', resolve: read('campaign') }),
    projectName: t.string({ nullable: true, resolve: read('projectName') }),
    projectId: t.id({ nullable: true, resolve: read('projectId') }),
    projectContactId: t.id({ nullable: true, description: 'The project’s contact.', resolve: read('projectContactId') }),
    crmInfo: t.field({ type: 'JSON', nullable: true, description: 'CRM data as stored (`crm_info`).', resolve: read('crmInfo') }),
    favorite: t.boolean({ description: 'Marked as favourite; false when not stored.', resolve: read('favorite') }),
    treeId: t.id({ nullable: true, description: 'Call tree.', resolve: read('treeId') }),
    firstTimeForTree: t.boolean({ nullable: true, description: 'First call for the call tree.', resolve: read('firstTimeForTree') }),
    insertOrigin: t.string({ nullable: true, description: 'How the record was inserted (api, dialer, import…).', resolve: read('insertOrigin') }),
    recordName: t.string({ nullable: true, description: 'Name of the recording.', resolve: read('recordName') }),
    isRecordReady: t.boolean({ nullable: true, resolve: read('isRecordReady') }),
    isRecordBlocked: t.boolean({ nullable: true, resolve: read('isRecordBlocked') }),
    recordingExpired: t.boolean({ nullable: true, resolve: read('recordingExpired') }),
    numbersInvolved: t.stringList({ nullable: true, description: 'Every number in the call.', resolve: read('numbersInvolved') }),
    numbersRinged: t.stringList({ nullable: true, description: 'Every number rung.', resolve: read('numbersRinged') }),
    numbersInvolvedJSON: t.string({ nullable: true, description: 'numbersInvolved as a JSON string (the seed’s form).', resolve: read('numbersInvolvedJSON') }),
    numbersRingedJSON: t.string({ nullable: true, description: 'numbersRinged as a JSON string (the seed’s form).', resolve: read('numbersRingedJSON') }),
    recallDate: t.field({ type: 'DateTime', nullable: true, description: 'Scheduled recall.', resolve: read('recallDate') }),
    recallFirstAttemptDate: t.field({ type: 'DateTime', nullable: true, description: 'First attempt of the recall.', resolve: read('recallFirstAttemptDate') }),
    recallState: t.int({ nullable: true, description: 'Recall state code.', resolve: read('recallState') }),
    agentShortNumber: t.string({ nullable: true, description: 'The agent’s extension.', resolve: read('agentShortNumber') }),
    transfers: t.field({ type: [CallTransferRef], nullable: true, resolve: read('transfers') }),
    transcripts: t.field({ type: [TranscriptSegmentRef], nullable: true, description: 'Transcript segments (`transcript`).', resolve: read('transcripts') }),
    aiRecordingSummary: t.string({ nullable: true, description: 'AI summary of the recording.', resolve: read('aiRecordingSummary') }),
    aiRecordingTitle: t.string({ nullable: true, description: 'Title of the AI summary.', resolve: read('aiRecordingTitle') }),
    tags: t.stringList({ resolve: read('tags') }),
    outcomeTag: t.string({ nullable: true, description: '`outcome`.', resolve: read('outcomeTag') }),
    outcomeType: t.field({ type: OutcomeTypeEnum, nullable: true, description: 'Null when none is stored.', resolve: read('outcomeType') }),
    qualityRating: t.int({ nullable: true, resolve: read('qualityRating') }),
    userId: t.id({ nullable: true, resolve: read('userId') }),
    agentId: t.id({ nullable: true, resolve: read('agentId') }),
    teamId: t.id({ nullable: true, resolve: read('teamId') }),
    label: t.string({ nullable: true, resolve: read('label') }),
    firstTimeForUser: t.boolean({ nullable: true, resolve: read('firstTimeForUser') }),
    aiHandled: t.boolean({ nullable: true, resolve: read('aiHandled') }),
    hasTranscript: t.boolean({ nullable: true, resolve: read('hasTranscript') }),
  }),
});

const CallProjectRef = builder.objectRef<CallProjectShape>('CallProject').implement({
  description: 'A project of the account: its id and name as defined, or as stored on its calls (either may be missing).',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
  }),
});

export const CallListRef = builder.objectRef<CallListShape>('CallList').implement({
  description: `One page of matching calls (at most ${MAX_ITEMS_PER_PAGE}), with paging numbers and filter choices.`,
  fields: (t) => ({
    calls: t.field({ type: [CallRef], resolve: (list) => list.calls }),
    page: t.exposeInt('page'),
    pagesCount: t.exposeInt('pagesCount', { description: 'ceil(totalItems / itemsPerPage); 0 when nothing matches.' }),
    totalItems: t.exposeInt('totalItems', { description: 'Matching calls before paging.' }),
    tags: t.exposeStringList('tags', {
      description: 'The tags the account defined (used or not), sorted; when it defined none, the tags present in its calls of the searched days (other filters ignored).',
    }),
    outcomes: t.exposeStringList('outcomes', {
      description: 'The outcomes the account defined (used or not), sorted; when it defined none, the outcomes present in its calls of the searched days (other filters ignored).',
    }),
    projects: t.field({
      type: [CallProjectRef],
      description:
        'The projects the account defined (used or not), by name then id; when it defined none, the projects present in its calls of the searched days (other filters ignored).',
      resolve: (list) => list.projects,
    }),
    minTalkTime: t.exposeFloat('minTalkTime', { nullable: true, description: 'Over the matching calls (missing = 0); null when none match.' }),
    maxTalkTime: t.exposeFloat('maxTalkTime', { nullable: true }),
    minAnswerTime: t.exposeFloat('minAnswerTime', { nullable: true, description: 'Over the matching calls (missing = 0); null when none match.' }),
    maxAnswerTime: t.exposeFloat('maxAnswerTime', { nullable: true }),
    timezone: t.expose('timezone', { type: 'TimeZone', description: 'The canonical IANA zone the days were read in.' }),
  }),
});

const CallTimeStatsRef = builder.objectRef<TimeStats>('CallTimeStats').implement({
  description: 'Seconds: sum, number of calls covered, shortest and longest (null when it covers none).',
  fields: (t) => ({
    sum: t.exposeFloat('sum'),
    count: t.exposeInt('count'),
    min: t.exposeFloat('min', { nullable: true }),
    max: t.exposeFloat('max', { nullable: true }),
  }),
});

const DirectionCallStatsRef = builder.objectRef<DirectionStats>('DirectionCallStats').implement({
  description: 'Counts and timings of one set of calls (all, or one direction).',
  fields: (t) => ({
    all: t.exposeInt('all', { description: 'Calls.' }),
    fail: t.exposeInt('fail', { description: 'UNANSWERED calls.' }),
    success: t.exposeInt('success', { description: 'ANSWERED calls.' }),
    talks: t.exposeInt('talks', { description: 'Calls with talk time > 0.' }),
    error: t.exposeInt('error', { description: 'FAILED calls.' }),
    unique: t.exposeInt('unique', { description: 'Distinct client numbers (caller of inbound, callee otherwise).' }),
    firstTime: t.exposeInt('firstTime', { description: 'Calls with first_time_for_user true.' }),
    active: t.exposeInt('active', { description: 'Calls still running (no ended_at).' }),
    total: t.expose('total', { type: CallTimeStatsRef, description: 'Total time (ringing and hold included) of every call; missing = 0.' }),
    call: t.expose('call', { type: CallTimeStatsRef, description: 'Call duration of every call; missing = 0.' }),
    answer: t.expose('answer', { type: CallTimeStatsRef, description: 'Answer time of ANSWERED calls; missing = 0.' }),
  }),
});

export const DateIntervalEnum = builder.enumType('DateInterval', {
  description: 'Bucket of `callStats.intervals`: local hour, day, Monday-start week or month of the search time zone.',
  values: DATE_INTERVALS,
});

type StatsShape = Omit<DetailedCallStatsShape, 'intervals'>;

/** The statistics fields `DetailedCallStats` and each of its intervals share. */
function statsFields<T extends StatsShape>(t: PothosSchemaTypes.ObjectFieldBuilder<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer S> ? S : never, T>) {
  return {
    all: t.field({ type: DirectionCallStatsRef, resolve: (stats) => stats.all }),
    in: t.field({ type: DirectionCallStatsRef, description: 'Inbound calls.', resolve: (stats) => stats.in }),
    out: t.field({ type: DirectionCallStatsRef, description: 'Outbound calls.', resolve: (stats) => stats.out }),
    our: t.field({ type: DirectionCallStatsRef, description: 'Internal calls.', resolve: (stats) => stats.our }),
    tagsSuccess: t.int({ description: 'Outcome type POSITIVE.', resolve: (stats) => stats.tagsSuccess }),
    tagsDefault: t.int({ description: 'Outcome type NEUTRAL.', resolve: (stats) => stats.tagsDefault }),
    tagsFail: t.int({ description: 'Outcome type NEGATIVE.', resolve: (stats) => stats.tagsFail }),
    tagsNoResult: t.int({ description: 'Outcome type ABSENT or none stored.', resolve: (stats) => stats.tagsNoResult }),
    aiTalkTime: t.float({ description: 'Seconds of AI talk.', resolve: (stats) => stats.aiTalkTime }),
    allTalkTime: t.float({ description: 'Seconds of talk.', resolve: (stats) => stats.allTalkTime }),
    aiTalkCost: t.float({ description: 'Sum of ai_talk_cost_cents / 100 (currency units), 2 decimals.', resolve: (stats) => stats.aiTalkCost }),
  };
}

const CallStatsIntervalRef = builder.objectRef<CallStatsIntervalShape>('CallStatsInterval').implement({
  description: 'The statistics of one local bucket of the searched days (`unique` counts distinct clients within the bucket).',
  fields: (t) => ({
    label: t.exposeString('label', { description: 'Hour `YYYY-MM-DDTHH:00`, day `YYYY-MM-DD`, week = its Monday `YYYY-MM-DD`, month `YYYY-MM`.' }),
    bucketStart: t.expose('bucketStart', { type: 'DateTime', description: 'The instant the local bucket begins.' }),
    ...statsFields(t),
  }),
});

export const DetailedCallStatsRef = builder.objectRef<DetailedCallStatsShape>('DetailedCallStats').implement({
  description: 'Statistics of the calls a CallSearch matches (the same calls `calls` lists).',
  fields: (t) => ({
    ...statsFields(t),
    intervals: t.field({
      type: [CallStatsIntervalRef],
      description: 'One entry per local bucket of the searched days with `dateInterval`, in time order, empty buckets included; empty without it.',
      resolve: (stats) => stats.intervals,
    }),
  }),
});
