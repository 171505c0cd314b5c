// One shape of a draft for every form, and the two older shapes written by
// earlier versions (the forms' and the intake's) still load from disk.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Office } from '../../src/store/office.js';
import { deleteDraft, draftsOf, formDraft, intakeDrafts, readDraft, saveDraft, saveIntakeDraft } from '../../src/office/drafts.js';
import { emptyForm } from '../../src/case/intakeForm.js';

process.env.JIUZHU_NOW = '2026-11-19T09:30:00+08:00';

async function freshOffice(): Promise<{ dir: string; office: Office }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'jiuzhu-drafts-')), 'office');
  return { dir, office: await Office.create(dir) };
}

const intakeForm = () => {
  const f = emptyForm('2026-11-10', '城市');
  f.members[0]!.name = '刘建国';
  return f;
};

describe('drafts', () => {
  it('loads both older shapes from disk as the one shape', async () => {
    const { dir, office } = await freshOffice();
    await office.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => {
      // the forms' shape (src/ui/drafts.ts before)
      tx.put('drafts', 'review:h1:低保', { id: 'review:h1:低保', kind: 'review', data: { findings: '户主外出打工' }, at: '2026-11-18T10:00:00+08:00', by: '李娜' });
      // the intake's shape (src/office/drafts.ts before)
      tx.put('drafts', 'intake-abc', { id: 'intake-abc', kind: 'intake', operator: '王芳', createdAt: '2026-11-17T09:00:00+08:00', savedAt: '2026-11-17T09:05:00+08:00', form: intakeForm() } as unknown as Record<string, unknown>);
    });
    await office.settled();
    const again = await Office.open(dir, { repair: false });
    expect(readDraft(again.view, 'review:h1:低保')).toEqual({
      id: 'review:h1:低保',
      kind: 'review',
      data: { findings: '户主外出打工' },
      by: '李娜',
      createdAt: '2026-11-18T10:00:00+08:00',
      savedAt: '2026-11-18T10:00:00+08:00',
    });
    expect(formDraft(again.view, 'review:h1:低保')).toEqual({ findings: '户主外出打工' });
    expect(readDraft(again.view, 'intake-abc')).toMatchObject({ kind: 'intake', by: '王芳', createdAt: '2026-11-17T09:00:00+08:00', savedAt: '2026-11-17T09:05:00+08:00' });
    const [intake] = intakeDrafts(again.view);
    expect(intake).toMatchObject({ id: 'intake-abc', operator: '王芳', savedAt: '2026-11-17T09:05:00+08:00' });
    expect(intake!.form.members[0]!.name).toBe('刘建国');
    expect(readDraft(again.view, 'nothing')).toBeNull();
  });

  it('writes every form in one shape, keeping when it was first saved, and lists a kind newest first', async () => {
    const { office } = await freshOffice();
    await office.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => {
      tx.put('drafts', 'exit:h2:低保', { id: 'exit:h2:低保', kind: 'exit', data: { work: '东风物业' }, at: '2026-11-01T08:00:00+08:00', by: '李娜' });
    });
    await office.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => {
      saveDraft(tx, 'exit:h2:低保', 'exit', { work: '东风物业 保洁员' });
      saveIntakeDraft(tx, 'intake-1', intakeForm());
    });
    const exit = office.view.get('drafts', 'exit:h2:低保');
    expect(exit).toEqual({ id: 'exit:h2:低保', kind: 'exit', data: { work: '东风物业 保洁员' }, by: '王芳', createdAt: '2026-11-01T08:00:00+08:00', savedAt: '2026-11-19T09:30:00+08:00' });
    const intake = office.view.get('drafts', 'intake-1')!;
    expect(Object.keys(intake).sort()).toEqual(['by', 'createdAt', 'data', 'id', 'kind', 'savedAt']);
    expect(draftsOf(office.view, 'intake').map((d) => d.id)).toEqual(['intake-1']);
    await office.transact({ operator: '王芳', source: 'local', action: 'test' }, (tx) => deleteDraft(tx, 'intake-1'));
    expect(intakeDrafts(office.view)).toEqual([]);
  });
});
