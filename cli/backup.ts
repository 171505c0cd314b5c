// `jiuzhu backup | restore`: the data folder as one verified archive, and back.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { dataDir, globals, openOffice, operatorOf, printJson, say, UserError } from './common.js';
import { t } from '../src/i18n/index.js';
import { minuteStamp } from '../src/office/time.js';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(t('maintenance.help.backup'))
    .requiredOption('--out <file>', t('maintenance.help.out'))
    .action(async (opts: { out: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { writeBackup } = await import('../src/maintenance/backup.js');
      const r = await writeBackup(office, resolve(opts.out), operatorOf(g, office));
      if (g.json) printJson(r);
      else say(t('maintenance.backedUp', { files: r.files, seq: r.journalSeq, file: r.file, kb: Math.ceil(r.bytes / 1024), sha: r.sha256.slice(0, 16) }));
    });

  program
    .command('restore')
    .description(t('maintenance.help.restore'))
    .argument('<file>', t('maintenance.help.file'))
    .option('--force-other-office', t('maintenance.help.forceOtherOffice'))
    .action(async (file: string, opts: { forceOtherOffice?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const dir = dataDir(g);
      const { readPid, isAlive } = await import('../src/sync/daemonStatus.js');
      const pid = await readPid(dir);
      if (pid !== null && isAlive(pid)) throw new UserError(t('maintenance.daemonBusy', { pid }));
      const { restoreBackup } = await import('../src/maintenance/backup.js');
      const { now } = await import('../src/office/clock.js');
      const r = await restoreBackup(resolve(file), dir, { forceOtherOffice: opts.forceOtherOffice ?? false, nowIso: now().iso });
      const { recordRestore } = await import('../src/dashboard/restored.js');
      await recordRestore(await openOffice(g), file, r.manifest.createdAt, operatorOf(g));
      if (g.json) printJson({ restored: r.restored, replacedAside: r.replacedAside, replacedJournalSeq: r.replacedJournalSeq, office: r.manifest.office, createdAt: r.manifest.createdAt, journalSeq: r.manifest.journal.seq, files: r.manifest.files.length });
      else {
        say(t('maintenance.restored', { createdAt: minuteStamp(r.manifest.createdAt), office: r.manifest.office.name, code: r.manifest.office.code, files: r.manifest.files.length, seq: r.manifest.journal.seq }));
        if (r.replacedAside) say(t('maintenance.replacedAside', { dir: r.replacedAside }));
        const lost = (r.replacedJournalSeq ?? 0) - r.manifest.journal.seq;
        if (r.replacedAside && lost > 0) say(t('maintenance.lostChanges', { replaced: r.replacedJournalSeq ?? 0, seq: r.manifest.journal.seq, lost }));
      }
    });
}
