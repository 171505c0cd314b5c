// English for zh/recipients.ts.
import type zh from '../zh/recipients.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
