// A writer process for the store tests: N transactions, each adding one
// record to two collections in two different stores (so a crash between the
// store writes would show as a mismatch), printing each committed number.
import { Office } from '../../src/store/office.js';

const [dir, who, countArg] = process.argv.slice(2) as [string, string, string];
const count = Number(countArg);
const office = await Office.open(dir);
for (let i = 0; i < count; i++) {
  const key = `${who}-${i}`;
  await office.transact({ operator: who, source: 'local', action: 'test.write' }, (tx) => {
    const c = tx.get('counters', who);
    tx.put('counters', who, { id: who, value: (c?.value ?? 0) + 1 });
    tx.put('meta', key, { id: key, n: i });
    tx.put('outbound', key, { id: key, n: i });
  });
  process.stdout.write(`${key}\n`);
}
