// `jiuzhu backup | restore`: the data folder as one verified archive, and back.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { dataDir, globals, openOffice, operatorOf, printJson, say, UserError } from './common.js';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('把整个数据文件夹备份成一个压缩文件（可存到U盘或共享文件夹）')
    .requiredOption('--out <file>', '备份文件，或放备份文件的文件夹')
    .action(async (opts: { out: string }, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const { writeBackup } = await import('../src/maintenance/backup.js');
      const r = await writeBackup(office, resolve(opts.out), operatorOf(g, office));
      if (g.json) printJson(r);
      else say(`已备份 ${r.files} 个文件（日志 ${r.journalSeq} 条）到 ${r.file}，${Math.ceil(r.bytes / 1024)} KB，SHA-256 ${r.sha256.slice(0, 16)}…`);
    });

  program
    .command('restore')
    .description('验证备份文件，然后用它替换数据文件夹（原文件夹改名保留）')
    .argument('<file>', '备份文件')
    .option('--force-other-office', '允许用别的社区的备份替换本社区的数据')
    .action(async (file: string, opts: { forceOtherOffice?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const dir = dataDir(g);
      const { readPid, isAlive } = await import('../src/sync/daemonStatus.js');
      const pid = await readPid(dir);
      if (pid !== null && isAlive(pid)) throw new UserError(`守护进程正在使用这个数据文件夹（进程号 ${pid}）：请先运行 jiuzhu daemon stop，再恢复`);
      const { restoreBackup } = await import('../src/maintenance/backup.js');
      const { now } = await import('../src/office/clock.js');
      const r = await restoreBackup(resolve(file), dir, { forceOtherOffice: opts.forceOtherOffice ?? false, nowIso: now().iso });
      if (g.json) printJson({ restored: r.restored, replacedAside: r.replacedAside, replacedJournalSeq: r.replacedJournalSeq, office: r.manifest.office, createdAt: r.manifest.createdAt, journalSeq: r.manifest.journal.seq, files: r.manifest.files.length });
      else {
        say(`已从 ${r.manifest.createdAt.slice(0, 16).replace('T', ' ')} 的备份恢复 ${r.manifest.office.name}（${r.manifest.office.code}）：${r.manifest.files.length} 个文件、日志 ${r.manifest.journal.seq} 条，全部核对无误。`);
        if (r.replacedAside) say(`原来的数据文件夹已改名保留为 ${r.replacedAside}`);
        const lost = (r.replacedJournalSeq ?? 0) - r.manifest.journal.seq;
        if (r.replacedAside && lost > 0) say(`注意：原来的数据有 ${r.replacedJournalSeq} 条变更，备份只到第 ${r.manifest.journal.seq} 条：之后的 ${lost} 条变更不在恢复后的数据里，需要时可从保留的文件夹查看`);
      }
    });
}
