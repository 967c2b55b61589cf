import type { BenchScenario } from '../scenario.ts';
import { groupedCallsScenarios } from './grouped-calls.ts';
import { phoneNumberScenarios } from './phone-numbers.ts';

/** Every row of `npm run bench`, in print order. */
export const scenarios: BenchScenario[] = [...phoneNumberScenarios, ...groupedCallsScenarios];
