// Putting a public fixture into a shared inbox as a copier would leave it:
// under any name or subfolder, its mtime in the past so it counts as arrived.
import { copyFileSync, mkdirSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FIXTURE_INBOX } from '../../support/office.js';

export function dropFixture(shared: string, file: string, as = file): void {
  const to = join(shared, 'inbox', as);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(FIXTURE_INBOX, file), to);
  const past = new Date(Date.now() - 60_000);
  utimesSync(to, past, past);
}
