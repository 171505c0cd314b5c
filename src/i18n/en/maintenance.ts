// English for zh/maintenance.ts.
import type zh from '../zh/maintenance.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
