// English for zh/office.ts.
import type zh from '../zh/office.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
