import type { StoredCallStatus } from '../../contract/call-document.ts';

/** Public enum value → stored value. The GraphQL enums are generated from these tables. */
export const CALL_STATUS = {
  COMPLETED: 'completed',
  NO_ANSWER: 'no-answer',
  BUSY: 'busy',
  FAILED: 'failed',
  VOICEMAIL: 'voicemail',
  CANCELED: 'canceled',
} as const satisfies Record<string, StoredCallStatus>;
export type CallStatus = keyof typeof CALL_STATUS;

export const CALL_DIRECTION = { INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' } as const;
export type CallDirection = keyof typeof CALL_DIRECTION;

export const OUTCOME_TYPE = { POSITIVE: 'positive', NEGATIVE: 'negative', NEUTRAL: 'neutral', ABSENT: 'absent' } as const;
export type OutcomeType = keyof typeof OUTCOME_TYPE;

/** DESIGN 2.1 call state: completed → ANSWERED, failed → FAILED, everything else UNANSWERED. */
export type CallState = 'ANSWERED' | 'UNANSWERED' | 'FAILED';
export const STATUSES_BY_STATE: Record<CallState, readonly StoredCallStatus[]> = {
  ANSWERED: ['completed'],
  FAILED: ['failed'],
  UNANSWERED: ['no-answer', 'busy', 'voicemail', 'canceled'],
};

export function callStateOf(status: string): CallState {
  return status === 'completed' ? 'ANSWERED' : status === 'failed' ? 'FAILED' : 'UNANSWERED';
}

export type SortOrder = 'ASC' | 'DESC';
export const SORT_DIRECTION: Record<SortOrder, 1 | -1> = { ASC: 1, DESC: -1 };
