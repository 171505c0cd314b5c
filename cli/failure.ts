// How a run that failed ends, in every entry (cli/program.ts, and through
// runPlain cli/statusMain.ts and cli/appMain.ts):
// wrong usage exits 2, a failure the clerk can act on 1 with its one line, and
// anything else 1 with where and a hint. ID numbers are masked (logs).
import { say, UsageError } from './common.js';
import { UserFacingError } from '../src/office/errors.js';
import { maskIds } from '../src/office/privacy.js';
import { t } from '../src/i18n/index.js';

export function reportFailure(err: unknown): void {
  if (err instanceof UsageError) {
    say(err.message);
    process.exitCode = 2;
  } else if (err instanceof UserFacingError) {
    say((err as Error).message);
    if (process.env.JIUZHU_DEBUG === '1') process.stderr.write(`${maskIds((err as Error).stack ?? '')}\n`);
    process.exitCode = 1;
  } else {
    const e = err as NodeJS.ErrnoException;
    const where = e.path ? t('cli.error.where', { path: e.path }) : '';
    const hint =
      e.code === 'ENOSPC' ? t('cli.error.diskFull')
        : e.code === 'EACCES' || e.code === 'EPERM' ? t('cli.error.noPermission')
          : e.code === 'ENOENT' ? t('cli.error.notFound')
            : t('cli.error.debugHint');
    say(t('cli.error.failed', { where, hint, detail: e.message ? t('cli.error.detail', { message: e.message }) : '' }));
    if (process.env.JIUZHU_DEBUG === '1') process.stderr.write(`${maskIds(e.stack ?? '')}\n`);
    process.exitCode = 1;
  }
}
