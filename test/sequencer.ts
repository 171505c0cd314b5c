// The order the suite's files start in. vitest starts the files that took
// longest last time first, from its cache; a fresh clone (CI) has no cache,
// and the order by file size put the torture test (27 s) last, with the other
// worker idle for most of it. These files spawn and kill processes for tens
// of seconds each: started first, the short files fill in around them.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const LONG = ['test/sync/crash.test.ts', 'test/store/office.test.ts', 'test/trust/torture.test.ts', 'test/scenario/firstMonth.test.tsx', 'test/i18n/help.test.ts'];

const rank = (f: TestSpecification): number => {
  const path = f.moduleId.replaceAll('\\', '/');
  const i = LONG.findIndex((p) => path.endsWith(`/${p}`));
  return i < 0 ? LONG.length : i;
};

export default class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
