// Where the tests find the built command and the child-process helpers.
import { join } from 'node:path';

export const ROOT = process.cwd();
export const CLI = join(ROOT, 'dist', 'jiuzhu.mjs');
export const SUPPORT_OUT = join(ROOT, 'node_modules', '.cache', 'jiuzhu-test');
export const child = (name: string): string => join(SUPPORT_OUT, `${name}.child.mjs`);
/** The public sample files (intake JSON, one inbound file of each kind), taken in as the project's own test data. */
export const PUBLIC_FIXTURES = join(ROOT, 'test', 'fixtures', 'public');
