// English for zh/office.ts.
import type zh from '../zh/office.js';
import type { Same } from './same.js';

export default {
  notInitialised: 'This data folder is not set up yet: run jiuzhu init --office CODE --name NAME first',
  badNow: "JIUZHU_NOW is '{value}', which is not a date or time: write it as 2026-11-23 or 2026-11-23T09:30:00+08:00",
} as const satisfies Same<typeof zh>;
