// English for zh/case.ts.
import type zh from '../zh/case.js';
import type { Same } from './same.js';

export default {
  notFound: 'There is no case numbered {caseNo}: see the numbers with jiuzhu case list',
} as const satisfies Same<typeof zh>;
