// English for zh/household.ts.
import type zh from '../zh/household.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
