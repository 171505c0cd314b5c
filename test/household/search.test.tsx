// One household search: `case list --find`, `household search` and the app's
// search box (/) give the same households for the same query, including an
// address, a former member and an ID fragment typed in full-width digits.
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { newCase } from '../../src/office/model.js';
import type { Office } from '../../src/store/office.js';
import { householdsMatching } from '../../src/household/find.js';
import { searchHouseholds } from '../../src/household/search.js';
import { jiuzhu } from '../support/cli.js';
import { CASE_NO, H, handBuiltOffice, ID, TODAY } from '../support/handBuilt.js';
import { renderApp } from '../support/ui.js';

process.env.JIUZHU_NOW = TODAY;

const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// 李秀英 (family 0) has moved out; every household has a case, so that
// `case list --find` can show each one.
const QUERIES: [what: string, query: string, households: number[]][] = [
  ['an address', '幸福里', [0, 3]],
  ['a former member', '李秀英', [0]],
  ['a former member by initials', 'lxy', [0]],
  ['an ID fragment in full-width digits', fullWidth(ID(3, 1).slice(-6)), [3]],
  ['a name', '张三丰', [1]],
  ['initials typed full-width', fullWidth('SMGM'), [5]],
  ['a case number', '2026-0003', [2]],
];

let office: Office;
let dir: string;
let app: ReturnType<typeof renderApp> | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

beforeAll(async () => {
  ({ office, dir } = await handBuiltOffice());
  await office.transact({ operator: '王芳', source: 'local', action: 'test.build' }, (tx) => {
    for (const family of [3, 4, 5, 6]) {
      const n = family + 1;
      tx.put(
        'cases',
        CASE_NO(n),
        newCase({
          caseNo: CASE_NO(n),
          householdId: H[family]!,
          program: '低保',
          area: '城市',
          status: 'accepted',
          applicationDate: '2026-11-10',
          acceptedOn: '2026-11-10',
          circumstances: [],
          materials: ['申请书'],
          interview: '户主自述家庭困难',
          history: [{ at: '2026-11-10T09:30:00+08:00', event: 'accepted', by: '王芳', source: 'local' }],
        }),
      );
    }
    tx.update('members', ID(0, 1), (m) => {
      m.leftOn = '2026-06-01';
    });
  });
});

const expected = (families: number[]) => families.map((f) => H[f]!).sort();
const householdOfHouseholder = (idNumber: string) => office.view.all('households').find((h) => h.householderId === idNumber)!.id;

describe('the one household search', () => {
  it.each(QUERIES)('finds the same households from every surface: %s (%s)', async (_what, query, families) => {
    const want = expected(families);
    expect(searchHouseholds(office.view, query).map((h) => h.householdId).sort()).toEqual(want);
    expect([...householdsMatching(office.view, query)].sort()).toEqual(want);

    const search = jiuzhu(['household', 'search', query, '--json', '--data', dir]);
    expect(search.code, search.stderr).toBe(0);
    expect(search.json<{ householdId: string }[]>().map((h) => h.householdId).sort()).toEqual(want);

    const list = jiuzhu(['case', 'list', '--find', query, '--json', '--data', dir]);
    expect(list.code, list.stderr).toBe(0);
    expect([...new Set(list.json<{ householderId: string }[]>().map((c) => householdOfHouseholder(c.householderId)))].sort()).toEqual(want);

    app = renderApp(office, { first: { id: 'search' } });
    await app.see('例如');
    await app.press(query);
    // Wait for the whole query in the box: each key is a search of its own.
    const frame = await app.until((f) => f.includes(query) && f.includes(`找到 ${want.length} 户`), `the hits of ${query}`);
    // The rows below the count line: the householder's name leads each one.
    const rows = frame.split('\n').slice(frame.split('\n').findIndex((l) => l.includes('找到')) + 1).join('\n');
    const shown = office.view
      .all('households')
      .filter((h) => rows.includes(office.view.get('members', h.householderId)!.name))
      .map((h) => h.id);
    expect(shown.sort()).toEqual(want);
  });

  it('marks a former member as such, on the command line too', () => {
    const [hit] = searchHouseholds(office.view, '李秀英');
    expect(hit).toMatchObject({ householdId: H[0], kind: 'member', former: true, matched: '原成员 李秀英' });
    const text = jiuzhu(['household', 'search', '李秀英', '--data', dir]);
    expect(text.stdout).toContain('原成员 李秀英');
  });
});
