// Allocates as a session's bursts do (a third of it kept, the rest garbage)
// and prints the young generation's size after, with the app's setting
// (argument "keep") or with V8's own.
import { getHeapSpaceStatistics } from 'node:v8';
import { keepYoungGenerationSmall } from '../../src/ui/youngGeneration.js';

if (process.argv[2] === 'keep') keepYoungGenerationSmall();
const kept: unknown[] = [];
for (let i = 0; i < 1_500_000; i++) {
  const o = { n: i, name: `户${i}`, ids: [i, i + 1] };
  if (i % 3 === 0) kept.push(o);
}
const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!;
process.stdout.write(`${JSON.stringify({ youngBytes: young.space_size, kept: kept.length })}\n`);
