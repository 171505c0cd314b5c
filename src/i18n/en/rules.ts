// English for zh/rules.ts.
import type zh from '../zh/rules.js';
import type { Same } from './same.js';

export default {
  verdictEligible: 'eligible',
  verdictNearPoverty: 'near-poverty household',
  verdictNotEligible: 'not eligible',
  verdictNoStandard: 'no standard applies',
  problemNoLowIncome: 'the household has no active dibao (minimum living allowance) enrolment; the rent subsidy needs one',
  problemHousingUnknown: 'housing area not recorded (0 for no home)',
  problemHousingTooLarge: 'housing of {perHead} m² per head, not under {limit} m²',
  excludedIncome: '{kind} is not counted as household income',
  badAmount: 'the amount "{value}" must be a number of at least 0 with two decimals at most',
  yuan: '{amount} yuan',
  calendarGap: 'The holiday calendar has no data for {year}: import the county\'s holiday schedule (holidays file)',
  badDate: 'a date must be a valid YYYY-MM-DD date: {date}',
  badWorkingDays: 'working days must be a whole number: {n}',
  badMonth: 'a month must be YYYY-MM: {month}',
} as const satisfies Same<typeof zh>;
