// `jiuzhu daemon run | start | stop | status | install`.
import { spawn } from 'node:child_process';
import { mkdir, open, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { dataDir, globals, openOffice, out, printJson, say, UserError } from './common.js';
import { sharedDirOf } from './sync.js';
import { sleep } from '../src/office/time.js';


async function daemonModule() {
  return import('../daemon/daemon.js');
}

/** The command line that starts this same program with the same data folder. */
function selfArgs(dir: string, shared: string): string[] {
  return [...process.execArgv, process.argv[1]!, '--data', dir, '--shared', shared, 'daemon', 'run'];
}

export function registerDaemon(program: Command): void {
  const d = program.command('daemon').description('同步守护进程：自动读收件箱、写回执和上报文件');

  d.command('run')
    .description('在前台持续运行（Ctrl-C 或 SIGTERM 处理完当前文件后退出）')
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
    .description('在后台启动')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const shared = sharedDirOf(g, office);
      const dm = await daemonModule();
      const dir = office.dir;
      const old = await dm.readPid(dir);
      if (old !== null && dm.isAlive(old)) {
        if (g.json) printJson({ running: true, pid: old, started: false });
        else say(`守护进程已在运行（进程号 ${old}）`);
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
        if (!dm.isAlive(pid)) throw new UserError(`守护进程启动后立即退出了，请查看日志 ${dm.logPath(dir)}`);
        await sleep(100);
      }
      if (g.json) printJson({ running: true, pid, started: true });
      else say(`守护进程已启动（进程号 ${pid}），日志：${dm.logPath(dir)}`);
    });

  d.command('stop')
    .description('停止后台守护进程')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const dir = dataDir(g);
      const dm = await daemonModule();
      const pid = await dm.readPid(dir);
      if (pid === null || !dm.isAlive(pid)) {
        if (pid !== null) await unlink(dm.pidPath(dir)).catch(() => undefined);
        if (g.json) printJson({ running: false, stopped: false });
        else say(pid === null ? '守护进程没有在运行。' : `守护进程没有在运行（清除了过期的进程号文件，进程 ${pid} 已不存在）。`);
        return;
      }
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 300 && dm.isAlive(pid); i++) await sleep(100);
      if (dm.isAlive(pid)) throw new UserError(`守护进程（进程号 ${pid}）30 秒内没有退出，请稍后再试或查看日志 ${dm.logPath(dir)}`);
      if (g.json) printJson({ running: false, stopped: true, pid });
      else say(`守护进程已停止（进程号 ${pid}）`);
    });

  d.command('status')
    .description('守护进程是否在运行、最近一次同步、计数和最近的错误')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const dir = dataDir(g);
      const dm = await daemonModule();
      const pid = await dm.readPid(dir);
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
      out(running ? `守护进程运行中（进程号 ${pid}），自 ${doc.startedAt}` : `守护进程没有在运行${doc.stalePid ? '（进程号文件已过期）' : ''}`);
      if (doc.lastRunAt) out(`最近同步 ${doc.lastRunAt}`);
      if (doc.counts) out(`累计：读入文件 ${doc.counts.files}，应用 ${doc.counts.applied} 行，有拒绝的文件 ${doc.counts.rejected}，上报 ${doc.counts.exported}`);
      if (doc.lastError) out(`最近的问题：${doc.lastError}`);
      out(`日志：${dm.logPath(dir)}`);
    });

  d.command('install')
    .description('写出系统服务定义（Linux：systemd 用户服务），并说明如何启用')
    .action(async (_o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const office = await openOffice(g);
      const shared = sharedDirOf(g, office);
      const args = selfArgs(office.dir, shared);
      const quote = (s: string) => (/[\s"'\\]/.test(s) ? `"${s.replace(/(["\\])/g, '\\$1')}"` : s);
      if (process.platform === 'win32') {
        const line = [process.execPath, ...args].map((a) => `\\"${a}\\"`).join(' ');
        out('在 Windows 上，以当前用户身份运行下面的命令，登录时自动启动守护进程：');
        out(`schtasks /Create /TN jiuzhu-daemon /SC ONLOGON /RL LIMITED /F /TR "${line}"`);
        out('立即启动：schtasks /Run /TN jiuzhu-daemon');
        return;
      }
      const unitDir = join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'systemd', 'user');
      const unit = [
        '[Unit]',
        'Description=jiuzhu 同步守护进程（救助）',
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
      out(`已写出 ${path}`);
      out('启用并立即启动：systemctl --user daemon-reload && systemctl --user enable --now jiuzhu-daemon');
      out('开机未登录也运行：sudo loginctl enable-linger $USER');
    });
}
