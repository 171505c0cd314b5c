// The households of `case list --find`: the one household search
// (search.ts), as a set of household ids.
import type { View } from '../store/office.js';
import { searchHouseholds } from './search.js';

/** Households the household search finds for `query`, all of them. */
export function householdsMatching(view: View, query: string): Set<string> {
  return new Set(searchHouseholds(view, query, 0).map((h) => h.householdId));
}
