// English for zh/household.ts.
import type zh from '../zh/household.js';
import type { Same } from './same.js';

export default {
  'search.member': 'member {name}',
  'search.formerMember': 'former member {name}',
  'search.idNumber': '{who}, ID number',
  'search.case': 'case {caseNo}',
  'search.address': 'address',
} as const satisfies Same<typeof zh>;
