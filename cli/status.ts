// `jiuzhu status`: the dashboard once, as text or --json. Registered with the
// office's commands (cli/office.ts) and run directly by dist/status.mjs for a
// plain `status` (cli/statusMain.ts), so it is written once.
import { Office } from '../src/store/office.js';
import { openSummaryView } from '../src/store/summaryView.js';
import { now as clockNow } from '../src/office/clock.js';
import { readDaemonStatus } from '../src/sync/daemonStatus.js';
import { dashboard, dashboardText } from '../src/dashboard/dashboard.js';
import { prepareBuiltinForms } from '../src/dashboard/forms.js';
import { dataDir, openForReading, out, printJson, type Globals } from './common.js';

export async function runStatus(g: Globals): Promise<void> {
  const dir = dataDir(g);
  const today = clockNow(process.env).date;
  // The summary beside the checkpoint, brought up to the journal's end; the whole office only when it cannot stand for it.
  const view = (await Office.exists(dir)) ? await openSummaryView(dir, today) : null;
  const office = view ? null : await openForReading(g);
  // The report forms as the build validated them, unless their files changed since (zod only then).
  await prepareBuiltinForms();
  const d = dashboard(view ?? office!.view, office?.now().date ?? today, { daemon: readDaemonStatus(dir) });
  if (g.json) printJson(d);
  else out(dashboardText(d));
}
