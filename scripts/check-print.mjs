// Renders every report form of a demo office as printable HTML and, with
// headless Chromium, to PDF as it prints (A4, the header repeated on every
// page) and to PNG: one per printed page when poppler's pdftoppm is there,
// else a screenshot of the first A4-sized screen. So that a person can look
// at the pages. Not part of the test suite: `npm run check:print [-- OUT_DIR]`.
// Chromium is found on PATH, in CHROME_PATH, or in Playwright's cache.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'jiuzhu.mjs');
const outDir = resolve(process.argv[2] ?? join(tmpdir(), 'jiuzhu-check-print'));
const NOW = process.env.JIUZHU_NOW ?? '2026-11-23';

function findChromium() {
  const names = [process.env.CHROME_PATH, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'].filter(Boolean);
  for (const n of names) {
    if (n.includes('/') && existsSync(n)) return n;
    const r = spawnSync('which', [n], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  const pw = join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(pw)) {
    for (const d of readdirSync(pw).filter((x) => x.startsWith('chromium')).sort().reverse()) {
      for (const sub of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
        const p = join(pw, d, sub);
        if (existsSync(p)) return p;
      }
    }
  }
  return null;
}

const env = { ...process.env, JIUZHU_NOW: NOW, NODE_ENV: 'production', JIUZHU_OPERATOR: '王芳' };
const run = (args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });

const data = join(mkdtempSync(join(tmpdir(), 'jiuzhu-print-')), 'office');
// `demo` fills the folder and then, without a terminal, says it cannot open the app.
run(['demo', '--data', data]);
const list = run(['report', 'list', '--json', '--data', data]);
if (list.status !== 0) {
  process.stderr.write(list.stderr);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const chromium = findChromium();
const havePdftoppm = spawnSync('which', ['pdftoppm']).status === 0;
if (!chromium) process.stderr.write('没有找到 Chromium：只生成 HTML。安装 chromium，或设置 CHROME_PATH 指向它，再运行一次即可得到 PNG 和 PDF。\n');

for (const r of JSON.parse(list.stdout)) {
  const period = r.dueFor ?? NOW.slice(0, 7);
  const html = join(outDir, `${r.id}-${period}.html`);
  const filled = run(['report', 'fill', r.id, '--period', period, '--out', html, '--force', '--data', data]);
  if (filled.status !== 0) {
    process.stderr.write(`${r.id}: ${filled.stderr}`);
    continue;
  }
  const landscape = /size: A4 landscape/.test(readFileSync(html, 'utf8'));
  const [w, h] = landscape ? [1123, 794] : [794, 1123];
  if (chromium) {
    const base = ['--headless=new', '--disable-gpu', '--no-sandbox', '--hide-scrollbars', '--no-pdf-header-footer'];
    const pdf = html.replace(/\.html$/, '.pdf');
    spawnSync(chromium, [...base, `--print-to-pdf=${pdf}`, pathToFileURL(html).href], { stdio: 'ignore' });
    const pages = havePdftoppm && existsSync(pdf) && spawnSync('pdftoppm', ['-png', '-r', '80', pdf, html.replace(/\.html$/, '-page')], { stdio: 'ignore' }).status === 0;
    if (!pages) spawnSync(chromium, [...base, `--window-size=${w},${h}`, `--screenshot=${html.replace(/\.html$/, '.png')}`, pathToFileURL(html).href], { stdio: 'ignore' });
  }
  process.stdout.write(`${r.title}（${period}）→ ${html}${chromium ? ` (.pdf, ${havePdftoppm ? '-page-N.png' : '.png'})` : ''}\n`);
}
process.stdout.write(`输出在 ${outDir}\n`);
