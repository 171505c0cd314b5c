// English for zh/demo.ts.
import type zh from '../zh/demo.js';
import type { Same } from './same.js';

export default {
  notEmpty: '{dir} already holds an office: demo data can only be generated in an empty folder: choose another folder (--data)',
  badOfficeCode: 'The office code must be 12 digits: {code}',
  badToday: 'today must be a valid date as YYYY-MM-DD: {today}',
  badHouseholds: 'The number of households must be a positive whole number: {households}',
  tooManyCases: 'More than 9999 applications in {year}, and case numbers have four digits: use fewer households',
  operator: 'system',
  'journal.generate': 'Generated the demo office',
} as const satisfies Same<typeof zh>;
