// English for zh/cli.ts.
import type zh from '../zh/cli.js';
import type { Same } from './same.js';

export default {
} as const satisfies Same<typeof zh>;
