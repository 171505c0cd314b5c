// A clerk at the intake screen in a process of its own, for the test that
// kills it mid-form: types some fields (each saved as a draft when the cursor
// leaves it), says SAVED once the draft is on disk, then goes on typing a field
// until it is killed.
import React from 'react';
import { Office } from '../../src/store/office.js';
import { IntakeScreen } from '../../src/ui/screens/intake/view.js';
import { intakeDrafts } from '../../src/office/drafts.js';
import { renderScreen } from './screen.js';

const [dir] = process.argv.slice(2) as [string];
const office = await Office.open(dir);
const r = renderScreen(office, React.createElement(IntakeScreen, { office, operator: '王芳', onBack: () => undefined }));
const tick = (ms: number) => new Promise((res) => setTimeout(res, ms));
const send = async (...keys: string[]) => {
  for (const k of keys) {
    r.stdin.write(k);
    await tick(10);
  }
};
const DOWN = '\u001B[B';
await tick(50);
await send(DOWN, DOWN, DOWN, '东风路158号东风二村7栋302', DOWN, '13873105126', DOWN, '52.3', DOWN, ' ');
for (let i = 0; i < 5; i++) await send(DOWN);
await send('刘建国', DOWN, '430105197803152315', DOWN);
// the draft is saved when the cursor leaves a field: wait until the last one is on disk
const onDisk = async () => {
  const drafts = intakeDrafts((await Office.open(dir, { repair: false })).view);
  return drafts.filter((d) => d.form.members[0]?.idNumber === '430105197803152315').length;
};
let n = 0;
for (let i = 0; i < 800 && (n = await onDisk()) === 0; i++) await tick(25);
process.stdout.write(`SAVED ${n}\n`);
// typing the next field, never leaving it, until killed
await send(DOWN, DOWN, DOWN, DOWN);
for (;;) {
  await send('1');
  await tick(200);
}
