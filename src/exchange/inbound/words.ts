// The enumeration words every kind shares (exchange.md), as written in the cells.
import { AREAS, CATEGORIES, PROGRAMS, RELATIONS, type Category } from '../../office/model.js';

export const wordsOf = <W extends string>(words: readonly W[]): Record<W, W> =>
  Object.fromEntries(words.map((w) => [w, w])) as Record<W, W>;

export const PROGRAM_WORDS = wordsOf(PROGRAMS);
export const AREA_WORDS = wordsOf(AREAS);
export const RELATION_WORDS = wordsOf(RELATIONS);
export const CATEGORY_WORDS: Record<string, Category> = { ...wordsOf(CATEGORIES), 一类: 'A', 二类: 'B', 三类: 'C' };
