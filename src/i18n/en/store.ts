// English for zh/store.ts.
import type zh from '../zh/store.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
