import type { BenchScenario } from '../scenario.ts';
import { analyticsQueryScenarios } from './analytics-query.ts';
import { dialerScenarios } from './dialer.ts';
import { federationScenarios } from './federation.ts';
import { groupedCallsScenarios } from './grouped-calls.ts';
import { phoneNumberScenarios } from './phone-numbers.ts';

/** Every row of `npm run bench`, in print order. */
export const scenarios: BenchScenario[] = [
  ...phoneNumberScenarios,
  ...groupedCallsScenarios,
  ...analyticsQueryScenarios,
  ...dialerScenarios,
  ...federationScenarios,
];
