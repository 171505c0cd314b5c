// English for zh/attendance.ts.
import type zh from '../zh/attendance.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
