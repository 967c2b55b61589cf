import type { CallDirection, CallState } from '../../registry/enums.ts';

/** What one dialer call category names: a direction, a state, both, or neither (`ALL`). */
export interface CallCategoryDefinition {
  direction?: CallDirection;
  state?: CallState;
}

/**
 * The dialer's call categories (`all`, `inbound`, … `internal_failed`). A list of categories
 * means the union of the calls each names.
 */
export const CALL_CATEGORIES = {
  ALL: {},
  INBOUND: { direction: 'INBOUND' },
  OUTBOUND: { direction: 'OUTBOUND' },
  INTERNAL: { direction: 'INTERNAL' },
  ANSWERED: { state: 'ANSWERED' },
  UNANSWERED: { state: 'UNANSWERED' },
  FAILED: { state: 'FAILED' },
  INBOUND_ANSWERED: { direction: 'INBOUND', state: 'ANSWERED' },
  INBOUND_UNANSWERED: { direction: 'INBOUND', state: 'UNANSWERED' },
  INBOUND_FAILED: { direction: 'INBOUND', state: 'FAILED' },
  OUTBOUND_ANSWERED: { direction: 'OUTBOUND', state: 'ANSWERED' },
  OUTBOUND_UNANSWERED: { direction: 'OUTBOUND', state: 'UNANSWERED' },
  OUTBOUND_FAILED: { direction: 'OUTBOUND', state: 'FAILED' },
  INTERNAL_ANSWERED: { direction: 'INTERNAL', state: 'ANSWERED' },
  INTERNAL_UNANSWERED: { direction: 'INTERNAL', state: 'UNANSWERED' },
  INTERNAL_FAILED: { direction: 'INTERNAL', state: 'FAILED' },
} as const satisfies Record<string, CallCategoryDefinition>;

export type CallCategory = keyof typeof CALL_CATEGORIES;
export const CALL_CATEGORY_NAMES = Object.keys(CALL_CATEGORIES) as CallCategory[];
