// Every screen of the app, by id. Wiring a screen of another module is one
// entry: `{ title: () => t('…'), render: (p) => <XScreen office={p.office}
// operator={p.operator} onBack={p.onBack} /> }` (see docs/decisions.md,
// "App shell"). `p.params` carries what the opening line knew (caseNo, date…).
import React from 'react';
import { t } from '../i18n/index.js';
import { useShell, type ScreenEntry, type ShellScreenProps } from './shell.js';
import { dashboardEntry } from './screens/dashboard/entry.js';
import { DASHBOARD_MENU } from './screens/dashboard/rows.js';
import { SearchScreen } from './screens/search/view.js';
import { ArchiveScreen } from './screens/archive/view.js';
import { RecipientsScreen } from './screens/recipients/view.js';
import { GradualExitScreen } from './screens/exit/view.js';
import { ReviewScreen } from './screens/review/view.js';
import { CancellationsScreen } from './screens/cancellations/view.js';
import { CancelScreen } from './screens/cancel/view.js';
import { ReconcileScreen } from './screens/reconcile/view.js';
import { OperatorScreen } from './screens/operator/view.js';
import { AttendanceScreen } from './screens/attendance/view.js';
import { AttendanceSummaryScreen } from './screens/attendanceSummary/view.js';
import { ReportScreen } from './screens/report/view.js';
import { IntakeScreen } from './screens/intake/view.js';
import { CaseScreen } from './screens/case/view.js';
import { CaseListScreen } from './screens/caseList/view.js';
import { SettingsScreen, settingsHelp } from './screens/settings/view.js';
import { StandardsScreen, standardsHelp } from './screens/standards/view.js';
import { ExemptionsScreen, exemptionsHelp } from './screens/exemptions/view.js';
import { ExemptionFormScreen } from './screens/exemptionForm/view.js';
import { AmendScreen, amendHelp } from './screens/amend/view.js';
import { ReceiptsScreen } from './screens/receipts/view.js';
import { CoverScreen } from './screens/cover/view.js';

/** Intake: once saved, the new case's screen takes its place. */
function IntakeEntry(p: ShellScreenProps) {
  const shell = useShell();
  return <IntakeScreen office={p.office} operator={p.operator} onBack={p.onBack} rows={p.rows} onSaved={(caseNo) => shell.replace('case', { caseNo })} />;
}

/** The case list: Enter opens the case. */
function CasesEntry(p: ShellScreenProps) {
  const shell = useShell();
  return <CaseListScreen office={p.office} operator={p.operator} onBack={p.onBack} rows={p.rows} onOpen={(caseNo) => shell.open('case', { caseNo })} />;
}

export const REGISTRY: Readonly<Record<string, ScreenEntry>> = {
  operator: { title: () => t('ui.title.operator'), render: () => <OperatorScreen /> },
  dashboard: dashboardEntry,
  search: { title: () => t('ui.title.search'), help: () => [t('ui.help.search')], render: () => <SearchScreen /> },
  archive: {
    title: () => t('ui.title.archive'),
    help: () => [t('ui.help.archive'), t('ui.help.archiveNotes')],
    render: (p) => <ArchiveScreen key={p.params.key} householdKey={p.params.key ?? ''} />,
  },
  recipients: { title: () => t('ui.title.recipients'), help: () => [t('ui.help.recipients')], render: () => <RecipientsScreen /> },
  review: { title: () => t('ui.title.review'), help: () => [t('ui.help.review')], render: (p) => <ReviewScreen key={p.params.enrolmentId} enrolmentId={p.params.enrolmentId ?? ''} /> },
  exit: { title: () => t('ui.title.exit'), render: (p) => <GradualExitScreen key={p.params.enrolmentId} enrolmentId={p.params.enrolmentId ?? ''} /> },
  cancellations: { title: () => t('ui.title.cancellations'), render: () => <CancellationsScreen /> },
  cancel: { title: () => t('ui.title.cancel'), render: (p) => <CancelScreen key={p.params.enrolmentId} enrolmentId={p.params.enrolmentId ?? ''} params={p.params} /> },
  reconcile: { title: () => t('ui.title.reconcile'), render: () => <ReconcileScreen /> },
  cover: { title: () => t('recipients.title.cover'), help: () => [t('recipients.help.cover')], render: (p) => <CoverScreen key={p.params.caseNo} caseNo={p.params.caseNo ?? ''} /> },
  receipts: {
    title: () => t('sync.receipts.title'),
    help: () => [t('sync.receipts.help')],
    render: (p) => <ReceiptsScreen key={p.params.sha256} {...(p.params.sha256 ? { sha256: p.params.sha256 } : {})} />,
  },

  // ---- the screens of intake and the case's way, labour and reports.
  intake: { title: () => t('ui.title.intake'), render: (p) => <IntakeEntry {...p} /> },
  case: {
    title: () => t('ui.title.case'),
    render: (p) =>
      p.params.caseNo ? (
        <CaseScreen key={p.params.caseNo} office={p.office} operator={p.operator} onBack={p.onBack} caseNo={p.params.caseNo} rows={p.rows} />
      ) : (
        <CasesEntry {...p} />
      ),
  },
  cases: { title: () => t('ui.title.cases'), render: (p) => <CasesEntry {...p} /> },
  attendance: {
    title: () => t('ui.title.attendance'),
    render: (p) => <AttendanceScreen office={p.office} operator={p.operator} onBack={p.onBack} rows={p.rows} {...(p.params.date ? { date: p.params.date } : {})} />,
  },
  attendanceSummary: {
    title: () => t('ui.title.attendanceSummary'),
    render: (p) => <AttendanceSummaryScreen key={p.params.month} office={p.office} operator={p.operator} onBack={p.onBack} rows={p.rows} {...(p.params.month ? { month: p.params.month } : {})} />,
  },
  exemptions: { title: () => t('attendance.keyExemptions'), help: exemptionsHelp, render: () => <ExemptionsScreen /> },
  exemptionAdd: { title: () => t('attendance.exemptionFormHead'), render: (p) => <ExemptionFormScreen key={p.params.idNumber} {...(p.params.idNumber ? { idNumber: p.params.idNumber } : {})} /> },
  amend: { title: () => t('attendance.keyAmend'), help: amendHelp, render: (p) => <AmendScreen key={`${p.params.month}:${p.params.idNumber}`} month={p.params.month ?? ''} idNumber={p.params.idNumber ?? ''} /> },
  standards: { title: () => t('settings.key.standards'), help: standardsHelp, render: () => <StandardsScreen /> },
  settings: { title: () => t('settings.title'), help: settingsHelp, render: () => <SettingsScreen /> },
  report: { title: () => t('ui.title.report'), render: (p) => <ReportScreen office={p.office} operator={p.operator} onBack={p.onBack} rows={p.rows} /> },
};

/** The overlay's last lines, on every screen. */
export function globalHelp(): string[] {
  return [t('ui.help.globalKeys'), menuLine(), t('ui.help.close')];
}

/** The dashboard's menu keys with the titles of the screens they open: one list, the menu itself. */
export function menuLine(): string {
  return t('ui.help.fromDashboard', { keys: Object.entries(DASHBOARD_MENU).map(([k, id]) => `${k} ${REGISTRY[id]?.title() ?? id}`).join('  ') });
}
