// English for zh/ui.ts.
import type zh from '../zh/ui.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
