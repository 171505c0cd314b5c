// `jiuzhu daemon run | start | stop | status | install`.
import { spawn } from 'node:child_process';
import { mkdir, open, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { dataDir, globals, openOffice, out, printJson, say, UserError } from './common.js';
import { sharedDirOf } from './sync.js';
import { sleep } from '../src/store/process.js';
import { lang, t } from '../src/i18n/index.js';
import { nowFrom } from '../src/office/clock.js';

/** An ISO time as the clerk reads it: the office's wall clock, `2026-11-23 09:30:00` (--json keeps ISO). */
function localTime(iso: string | null): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? String(iso) : nowFrom(ms).iso.slice(0, 19).replace('T', ' ');
}


async function daemonModule() {
  return import('../daemon/daemon.js');
}

/** The data folder of a command, the daemon module and the pid its pid file names. */
async function daemonOf(cmd: Command) {
  const g = globals(cmd);
  const dir = dataDir(g);
  const dm = await daemonModule();
  return { g, dir, dm, pid: await dm.readPid(dir) };
}

/** The command line that starts this same program with the same data folder (and language). */
function selfArgs(dir: string, shared: string): string[] {
  return [...process.execArgv, process.argv[1]!, '--lang', lang(), '--data', dir, '--shared', shared, 'daemon', 'run'];
}

export function registerDaemon(program: Command): void {
  const d = program.command('daemon').description(t('sync.daemon.help'));

  d.command('run')
    .description(t('sync.daemon.help.run'))
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const shared = sharedDirOf(g, office);
      const { runDaemon } = await daemonModule();
      try {
        await runDaemon({ dataDir: office.dir, shared, echo: process.stderr.isTTY === true });
      } catch (err) {
        throw new UserError((err as Error).message);
      }
    });

  d.command('start')
    .description(t('sync.daemon.help.start'))
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const shared = sharedDirOf(g, office);
      const dm = await daemonModule();
      const dir = office.dir;
      const old = await dm.readPid(dir);
      if (old !== null && dm.isAlive(old)) {
        if (g.json) printJson({ running: true, pid: old, started: false });
        else say(t('sync.daemon.alreadyRunning', { pid: old }));
        return;
      }
      if (old !== null) await unlink(dm.pidPath(dir)).catch(() => undefined); // stale: its process is gone
      await mkdir(dm.daemonDir(dir), { recursive: true, mode: 0o700 });
      // Anything the process prints before its own log is open goes to the log too.
      const logFd = await open(dm.logPath(dir), 'a', 0o600);
      const child = spawn(process.execPath, selfArgs(dir, shared), {
        detached: true,
        stdio: ['ignore', logFd.fd, logFd.fd],
        env: process.env,
        windowsHide: true,
      });
      child.unref();
      await logFd.close();
      const pid = child.pid!;
      for (let i = 0; i < 100; i++) {
        const st = await dm.readStatus(dir);
        if (st && st.pid === pid && st.running) break;
        if (!dm.isAlive(pid)) throw new UserError(t('sync.daemon.exitedAtOnce', { log: dm.logPath(dir) }));
        await sleep(100);
      }
      if (g.json) printJson({ running: true, pid, started: true });
      else say(t('sync.daemon.started', { pid, log: dm.logPath(dir) }));
    });

  d.command('stop')
    .description(t('sync.daemon.help.stop'))
    .action(async (_o: unknown, cmd: Command) => {
      const { g, dir, dm, pid } = await daemonOf(cmd);
      if (pid === null || !dm.isAlive(pid)) {
        if (pid !== null) await unlink(dm.pidPath(dir)).catch(() => undefined);
        if (g.json) printJson({ running: false, stopped: false });
        else say(pid === null ? t('sync.daemon.notRunning') : t('sync.daemon.notRunningStale', { pid }));
        return;
      }
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 300 && dm.isAlive(pid); i++) await sleep(100);
      if (dm.isAlive(pid)) throw new UserError(t('sync.daemon.stopTimeout', { pid, log: dm.logPath(dir) }));
      if (g.json) printJson({ running: false, stopped: true, pid });
      else say(t('sync.daemon.stopped', { pid }));
    });

  d.command('status')
    .description(t('sync.daemon.help.status'))
    .action(async (_o: unknown, cmd: Command) => {
      const { g, dir, dm, pid } = await daemonOf(cmd);
      const st = await dm.readStatus(dir);
      const running = pid !== null && dm.isAlive(pid);
      const doc = {
        running,
        pid: running ? pid : null,
        stalePid: pid !== null && !running,
        startedAt: st?.startedAt ?? null,
        lastRunAt: st?.lastRunAt ?? null,
        lastError: st?.lastError ?? null,
        counts: st?.counts ?? null,
        shared: st?.shared ?? null,
      };
      if (g.json) return printJson(doc);
      out(running ? t('sync.daemon.statusRunning', { pid: pid!, since: localTime(doc.startedAt) }) : `${t('sync.daemon.statusNotRunning')}${doc.stalePid ? t('sync.daemon.statusStalePid') : ''}`);
      if (doc.lastRunAt) out(t('sync.daemon.lastRun', { at: localTime(doc.lastRunAt) }));
      if (doc.counts) out(t('sync.daemon.counts', { files: doc.counts.files, applied: doc.counts.applied, rejected: doc.counts.rejected, exported: doc.counts.exported }));
      if (doc.lastError) out(t('sync.daemon.lastError', { error: doc.lastError }));
      out(t('sync.daemon.log', { log: dm.logPath(dir) }));
    });

  d.command('install')
    .description(t('sync.daemon.help.install'))
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const shared = sharedDirOf(g, office);
      const args = selfArgs(office.dir, shared);
      const quote = (s: string) => (/[\s"'\\]/.test(s) ? `"${s.replace(/(["\\])/g, '\\$1')}"` : s);
      if (process.platform === 'win32') {
        const line = [process.execPath, ...args].map((a) => `\\"${a}\\"`).join(' ');
        out(t('sync.daemon.windowsIntro'));
        out(`schtasks /Create /TN jiuzhu-daemon /SC ONLOGON /RL LIMITED /F /TR "${line}"`);
        out(t('sync.daemon.windowsRunNow', { command: 'schtasks /Run /TN jiuzhu-daemon' }));
        return;
      }
      const unitDir = join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'systemd', 'user');
      const unit = [
        '[Unit]',
        `Description=${t('sync.daemon.unitDescription')}`,
        'After=network-online.target',
        '',
        '[Service]',
        'Type=simple',
        `ExecStart=${[process.execPath, ...args].map(quote).join(' ')}`,
        'Restart=on-failure',
        'RestartSec=10',
        'KillSignal=SIGTERM',
        'TimeoutStopSec=60',
        '',
        '[Install]',
        'WantedBy=default.target',
        '',
      ].join('\n');
      await mkdir(unitDir, { recursive: true });
      const path = join(unitDir, 'jiuzhu-daemon.service');
      await writeFile(path, unit, { mode: 0o644 });
      if (g.json) return printJson({ unit: path });
      out(t('sync.daemon.unitWritten', { path }));
      out(t('sync.daemon.enableNow', { command: 'systemctl --user daemon-reload && systemctl --user enable --now jiuzhu-daemon' }));
      out(t('sync.daemon.linger', { command: 'sudo loginctl enable-linger $USER' }));
    });
}
