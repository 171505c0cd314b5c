// English for zh/print.ts.
import type zh from '../zh/print.js';
import type { Same } from './same.js';

export default {
  estimate: 'estimated benefit {amount} yuan a month',
  interviewConfirmed: 'the applicant confirmed the interview record',
  interviewNotConfirmed: 'the applicant has not confirmed the interview record',
  found: 'found',
  notFound: 'none',
  formReceipt: 'intake receipt',
  formApplication: 'application form',
  formRefusal: 'refusal notice',
  formNotice: 'notice list',
  noTemplates: 'The print templates folder templates/print is missing: check the installation, or set JIUZHU_TEMPLATES',
  unreadableTemplate: 'Cannot read the print template {file}: check the installation',
  amountByCounty: 'to be set by the county',
  byCounty: 'the district (county) civil affairs bureau',
  byTownship: 'the township',
  noRefusal: '{caseNo} has no refusal, so there is no refusal notice to print: it can be printed once the county\'s or township\'s refusal arrives by sync',
  noReason: '(the county gave no reason; ask the county civil affairs bureau)',
  squareMetres: '{area} m²',
  none: 'none',
  counted: 'counted',
  notCounted: 'not counted ({reason})',
  yuan: '{amount} yuan',
  noStandard: '(no standard applies)',
  objectionResolved: 'objection: {note}; resolved {date}: {resolution}',
  objectionOpen: 'objection: {note}; not resolved',
  noObjection: 'no objection',
  approvedDetail: '{persons} persons, {amount} yuan a month, from {month}',
} as const satisfies Same<typeof zh>;
