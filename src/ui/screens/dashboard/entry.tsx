// The dashboard's registry entry, on its own so that the app's first frame
// (src/ui/run.tsx) needs no other screen's module (zod, pinyin, iconv…).
import React from 'react';
import { t } from '../../../i18n/index.js';
import type { ScreenEntry } from '../../shell.js';
import { DashboardScreen, dashboardHelp } from './view.js';

export const dashboardEntry: ScreenEntry = { title: () => t('ui.title.dashboard'), help: dashboardHelp, render: () => <DashboardScreen /> };
