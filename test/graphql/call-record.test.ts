import { describe, expect, it } from 'vitest';
import type { CallDocument } from '../../src/contract/call-document.ts';
import { call, KEYS } from '../support/calls.ts';
import { testGateway } from '../support/gateway.ts';
import { FULL_RECORD_ANSWER, FULL_RECORD_CALL, FULL_RECORD_SELECTION } from '../fixtures/dialer-fixtures.ts';

const NOW = '2024-03-15T12:00:00.000Z';
const SEARCH = 'search: { dayFrom: "2024-03-01", dayTo: "2024-03-05" }';

/** The full record of seed 003 on one call, a call with none of it, and one with broken entries. */
const data: CallDocument[] = [
  call({
    _id: 'full', started_at: '2024-03-01T09:00:00Z', direction: 'inbound', status: 'completed', from_number: '+15550001',
    to_number: '+15550100', campaign: 'spring-promo', project_contact_id: 'pc-1', crm_info: { system: 'hubspot', deal: { id: 7, won: true } },
    favorite: true, tree_id: 'tree-1', first_time_for_tree: true, insert_origin: 'dialer', record_name: 'rec-1.mp3',
    is_record_ready: true, is_record_blocked: false, recording_expired: false, numbers_involved: ['+15550001', '+15550100', '101'],
    numbers_ringed: ['101'], recall_date: new Date('2024-03-02T10:00:00Z'), recall_first_attempt_date: new Date('2024-03-01T09:00:00Z'),
    recall_state: 1, agent_short_number: '101',
    transfers: [{ at: new Date('2024-03-01T09:01:00Z'), from: '101', to: '102', type: 'attended', user_id: 'u1' }],
    transcript: [
      { at_sec: 0, speaker: 'ai', text: 'Hello' },
      { at_sec: 1.5, speaker: 'client', text: 'Hi' },
      { at_sec: 3, speaker: 'agent', text: 'Taking over' },
    ],
    ai_recording_summary: 'Greeting only.', ai_recording_title: 'Greeting',
  }),
  call({ _id: 'bare', started_at: '2024-03-02T09:00:00Z', direction: 'outbound', status: 'no-answer' }),
  call({
    _id: 'odd', started_at: '2024-03-03T09:00:00Z', crm_info: 'not an object' as never, favorite: null, numbers_involved: [],
    transfers: [{ at: 'yesterday', from: '1', to: '2', type: 'blind' } as never, { at: new Date('2024-03-03T09:00:05Z'), from: '1', to: '2', type: 'blind' }],
    transcript: [{ at_sec: 'x', speaker: 'ai', text: 'lost' } as never, { at_sec: 2, speaker: 'robot', text: 'lost' } as never, { at_sec: 4, speaker: 'client', text: 'kept' }],
  }),
];

const RECORD = `id campaign projectContactId crmInfo favorite treeId firstTimeForTree insertOrigin recordName isRecordReady
  isRecordBlocked recordingExpired numbersInvolved numbersRinged numbersInvolvedJSON numbersRingedJSON recallDate
  recallFirstAttemptDate recallState agentShortNumber transfers { at from to type userId } transcripts { atSec speaker text }
  aiRecordingSummary aiRecordingTitle`;

const gateway = testGateway({ calls: data, now: NOW });

async function page(selection: string, variables: Record<string, unknown> = {}) {
  // Only the variables and fragments a selection uses may be declared.
  const declare = selection.includes('$on') ? '($on: Boolean = true)' : '';
  const fragment = selection.includes('...Rec') ? FRAGMENT : '';
  const before = gateway.pipelines.length;
  const { body } = await gateway.query(`query ${declare} { calls(${SEARCH}, sortDirection: ASC) { ${selection} } } ${fragment}`, variables, KEYS.t1);
  expect(body.errors).toBeUndefined();
  // The list runs several pipelines (page, count, choices); the page is the one that projects.
  const pipeline = (gateway.pipelines.slice(before) as Record<string, any>[][]).find((stages) => stages.some((stage) => stage.$project)) ?? [];
  return { calls: body.data!.calls?.calls as Record<string, unknown>[], pipeline };
}
const FRAGMENT = 'fragment Rec on Call { recordName }';

/** The `$project` of the page branch of the list pipeline. */
const projectionOf = (pipeline: Record<string, any>[]) => {
  const facet = pipeline.find((stage) => stage.$facet)?.$facet;
  const rows: Record<string, any>[] = facet ? facet.rows : pipeline;
  return Object.keys(rows.find((stage) => stage.$project)?.$project ?? {});
};

describe('Call: the full record of seed 003', () => {
  it('returns every field in camelCase, with both number-list forms', async () => {
    const { calls } = await page(`calls { ${RECORD} }`);
    expect(calls[0]).toEqual({
      id: 'full', campaign: 'spring-promo', projectContactId: 'pc-1', crmInfo: { system: 'hubspot', deal: { id: 7, won: true } },
      favorite: true, treeId: 'tree-1', firstTimeForTree: true, insertOrigin: 'dialer', recordName: 'rec-1.mp3', isRecordReady: true,
      isRecordBlocked: false, recordingExpired: false, numbersInvolved: ['+15550001', '+15550100', '101'], numbersRinged: ['101'],
      numbersInvolvedJSON: '["+15550001","+15550100","101"]', numbersRingedJSON: '["101"]', recallDate: '2024-03-02T10:00:00.000Z',
      recallFirstAttemptDate: '2024-03-01T09:00:00.000Z', recallState: 1, agentShortNumber: '101',
      transfers: [{ at: '2024-03-01T09:01:00.000Z', from: '101', to: '102', type: 'attended', userId: 'u1' }],
      transcripts: [
        { atSec: 0, speaker: 'AI', text: 'Hello' },
        { atSec: 1.5, speaker: 'CLIENT', text: 'Hi' },
        { atSec: 3, speaker: 'AGENT', text: 'Taking over' },
      ],
      aiRecordingSummary: 'Greeting only.', aiRecordingTitle: 'Greeting',
    });
  });

  it('gives null for what is not stored, favorite false, and leaves out entries that break the contract', async () => {
    const { calls } = await page(`calls { ${RECORD} }`);
    const nulls = Object.fromEntries(RECORD.replace(/\{[^}]*\}/g, '').split(/\s+/).filter(Boolean).map((name) => [name, null]));
    expect(calls[1]).toEqual({ ...nulls, id: 'bare', favorite: false });
    expect(calls[2]).toMatchObject({
      id: 'odd', crmInfo: null, favorite: false, numbersInvolved: [], numbersInvolvedJSON: '[]',
      transfers: [{ at: '2024-03-03T09:00:05.000Z', from: '1', to: '2', type: 'blind', userId: null }],
      transcripts: [{ atSec: 4, speaker: 'CLIENT', text: 'kept' }],
    });
  });
});

describe('the full-record fixture the MongoDB suite round-trips (test/mongo-dialer.test.ts)', () => {
  it('answers the same Call on the embedded engine', async () => {
    const { body } = await testGateway({ calls: [FULL_RECORD_CALL], now: NOW }).query(`{ calls(${SEARCH}) { calls { ${FULL_RECORD_SELECTION} } } }`, {}, KEYS.t1);
    expect(body.errors).toBeUndefined();
    expect(body.data!.calls.calls).toEqual([FULL_RECORD_ANSWER]);
  });
});

describe('searchString also finds the campaign and the AI recording title', () => {
  it.each([
    ['spring-PROMO', ['full']],
    ['greeting', ['full']],
    ['nothing-like-it', []],
  ])('%s', async (text, expected) => {
    const { body } = await gateway.query(`{ calls(search: { dayFrom: "2024-03-01", dayTo: "2024-03-05", searchString: "${text}" }) { calls { id } } }`, {}, KEYS.t1);
    expect(body.errors).toBeUndefined();
    expect(body.data!.calls.calls.map((c: { id: string }) => c.id)).toEqual(expected);
  });
});

describe('calls: the page projects only what the selection reads', () => {
  it.each([
    ['calls { id }', ['_id']],
    ['calls { id timestamp state }', ['started_at', 'status']],
    ['calls { clientNumber }', ['direction', 'from_number', 'to_number']],
    ['calls { numbersInvolved numbersInvolvedJSON }', ['numbers_involved']],
    ['calls { transcripts { text } }', ['transcript']],
  ])('%s projects %j', async (selection, stored) => {
    const { pipeline } = await page(selection);
    expect(projectionOf(pipeline)).toEqual(stored);
  });

  it('follows aliases, fragments and @include/@skip', async () => {
    const { calls, pipeline } = await page(
      `calls { key: id words: transcripts @include(if: $on) { text } ...Rec ... on Call { talk: talkTime } status @skip(if: true) aiRecordingTitle @include(if: false) }`,
      { on: false },
    );
    expect(projectionOf(pipeline)).toEqual(['record_name', 'talk_time_sec']);
    expect(calls[0]).toEqual({ key: 'full', recordName: 'rec-1.mp3', talk: 0 });
    const withWords = await page('calls { words: transcripts @include(if: $on) { text } }', { on: true });
    expect(projectionOf(withWords.pipeline)).toEqual(['transcript']);
  });

  it('never reads a transcript for a page that does not select one', async () => {
    const { pipeline } = await page('calls { id timestamp talkTime state fromNumber toNumber aiRecordingTitle }');
    expect(projectionOf(pipeline)).not.toContain('transcript');
    expect(projectionOf(pipeline)).toEqual(['ai_recording_title', 'from_number', 'started_at', 'status', 'talk_time_sec', 'to_number']);
  });
});
