// English for zh/sync.ts.
import type zh from '../zh/sync.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
