// English for zh/demo.ts.
import type zh from '../zh/demo.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
