// The terminal app. This first version shows the dashboard; the screens of
// later issues hang off it.
import React, { useEffect, useState } from 'react';
import { Box, render, Text, useApp, useInput } from 'ink';
import { Office } from '../store/office.js';
import { dashboard, type Dashboard } from '../dashboard.js';
import { STATUS_WORDS } from '../cases.js';

export interface AppOptions {
  dataDir: string;
  operator?: string;
}

export function DashboardView({ d, rows }: { d: Dashboard; rows: number }) {
  const lines: React.ReactNode[] = [];
  const push = (key: string, node: React.ReactNode) => lines.push(<Box key={key}>{node}</Box>);
  if (d.calendar.message) push('cal', <Text color="yellow">！{d.calendar.message}</Text>);
  if (d.overdue.length) push('oh', <Text color="red">已超期 {d.overdue.length} 件</Text>);
  for (const r of d.overdue) push(`o${r.caseNo}`, <Text>  {r.caseNo.slice(-9)} {r.householderName} {STATUS_WORDS[r.status]} 超期 {-(r.daysLeft ?? 0)} 天</Text>);
  if (d.nearDeadline.length) push('nh', <Text color="yellow">临近期限 {d.nearDeadline.length} 件</Text>);
  for (const r of d.nearDeadline) push(`n${r.caseNo}`, <Text>  {r.caseNo.slice(-9)} {r.householderName} {STATUS_WORDS[r.status]} 剩 {r.daysLeft} 天</Text>);
  if (d.noticesEnding.length) push('ph', <Text>公示中 {d.noticesEnding.length} 件</Text>);
  for (const n of d.noticesEnding) push(`p${n.caseNo}`, <Text>  {n.caseNo.slice(-9)} {n.householderName} 至 {n.end}{n.openObjections ? ` 异议 ${n.openObjections}` : ''}</Text>);
  if (d.pending.length) push('qh', <Text>待处理 {d.pending.length} 项</Text>);
  for (const [i, p] of d.pending.entries()) push(`q${i}`, <Text>  {p.householderName}：{p.reason}</Text>);
  const room = Math.max(1, rows - 5);
  const shown = lines.slice(0, room);
  return (
    <Box flexDirection="column" width={80}>
      <Text bold>
        {d.office.name} 工作台 {d.today}
      </Text>
      <Text>
        在册 {d.counts.households} 户 · 在保 {d.counts.activeEnrolments} 户 · 在办 {d.counts.openCases} 件 · 待处理 {d.counts.pending} 项
      </Text>
      {shown}
      {lines.length > room ? <Text dimColor>……另有 {lines.length - room} 行</Text> : null}
      <Text dimColor>q 退出</Text>
    </Box>
  );
}

function App({ office }: { office: Office }) {
  const { exit } = useApp();
  const [d, setD] = useState(() => dashboard(office.view, office.now().date));
  const [rows, setRows] = useState(process.stdout.rows || 24);
  useEffect(() => {
    const off = office.onChange(() => setD(dashboard(office.view, office.now().date)));
    const timer = setInterval(() => void office.refresh().catch(() => undefined), 2000);
    const onResize = () => setRows(process.stdout.rows || 24);
    process.stdout.on('resize', onResize);
    return () => {
      off();
      clearInterval(timer);
      process.stdout.off('resize', onResize);
    };
  }, [office]);
  useInput((input, key) => {
    if (input === 'q' || key.escape) exit();
  });
  return <DashboardView d={d} rows={rows} />;
}

export async function runApp(opts: AppOptions): Promise<void> {
  const office = await Office.open(opts.dataDir);
  const app = render(<App office={office} />, { exitOnCtrlC: true });
  await app.waitUntilExit();
}
