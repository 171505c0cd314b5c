// English for zh/dashboard.ts.
import type zh from '../zh/dashboard.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
