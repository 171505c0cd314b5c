// English for zh/case.ts.
import type zh from '../zh/case.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
