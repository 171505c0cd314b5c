// The Chinese catalogue: every area's messages under its name.
import { status, event, enrolmentStatus, mark, pendingKind } from './words.js';
import commonArea from './common.js';
import cliArea from './cli.js';
import uiArea from './ui.js';
import officeArea from './office.js';
import dashboardArea from './dashboard.js';
import caseArea from './case.js';
import householdArea from './household.js';
import recipientsArea from './recipients.js';
import attendanceArea from './attendance.js';
import reportsArea from './reports.js';
import printArea from './print.js';
import rulesArea from './rules.js';
import syncArea from './sync.js';
import storeArea from './store.js';
import maintenanceArea from './maintenance.js';
import demoArea from './demo.js';
import settingsArea from './settings.js';

export const zh = {
  status,
  event,
  enrolmentStatus,
  mark,
  pendingKind,
  common: commonArea,
  cli: cliArea,
  ui: uiArea,
  office: officeArea,
  dashboard: dashboardArea,
  case: caseArea,
  household: householdArea,
  recipients: recipientsArea,
  attendance: attendanceArea,
  reports: reportsArea,
  print: printArea,
  rules: rulesArea,
  sync: syncArea,
  store: storeArea,
  maintenance: maintenanceArea,
  demo: demoArea,
  settings: settingsArea,
} as const;

export type Catalogue = typeof zh;
