// English for zh/common.ts.
import type zh from '../zh/common.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
