// The demo's inbox: the inbound files waiting in the shared folder, as the
// upper levels' spreadsheets save them (encodings, line ends, Excel dates).
import { COUNTY_APPROVERS, COUNTY_REFUSALS, RETURN_NOTES, TOWNSHIP_REFUSALS, TOWNSHIP_REVIEWERS, VERIFY_ITEMS } from './tables.js';
import { type Generator, InboxFile } from './generate.js';
import type { Source } from '../office/model.js';
import { addMonths } from '../rules/dayNumber.js';
import { approval } from './cases.js';
import { back, excelDate, monthOf, wd, workdaysBetween } from './timeline.js';
import { countyOf, townshipOf } from '../rules/officeCode.js';
import { csvBytes } from '../exchange/csvOut.js';

export const yuanCell = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/** A made-up sha256 for an inbound file processed in the past, one per kind and date. */
export function fileSource(g: Generator, kind: string, date: string): Source {
  const key = `${kind}@${date}`;
  let sha = g.fileShas.get(key);
  if (!sha) {
    sha = g.rng.hex(64);
    g.fileShas.set(key, sha);
  }
  return `file:${sha}`;
}

export function inbox(g: Generator): InboxFile[] {
  const files: InboxFile[] = [];
  const township = townshipOf(g.opts.officeCode);
  const county = countyOf(g.opts.officeCode);
  const compact = g.today.replaceAll('-', '');
  const r = g.rng;
  const lw = g.lastWorkday;
  const after = (d: string): string => {
    const gap = workdaysBetween(g, d, lw);
    return gap < 1 ? lw : wd(g, d, r.int(1, Math.min(gap, 5)));
  };

  if (g.reviewTargets.length) {
    const rows = g.reviewTargets.map((cr, i) => {
      const h = cr.hh.householder;
      const [result, note] =
        i === 0
          ? ['退回', r.pick(RETURN_NOTES)]
          : i === 5
            ? ['不同意', r.pick(TOWNSHIP_REFUSALS)]
            : ['同意', r.pick(['经审核情况属实，同意上报区民政局审批', '情况属实，同意上报'])];
      return [cr.c.caseNo, h.idNumber, h.name, result, note, after(cr.c.submittedOn!), r.pick(TOWNSHIP_REVIEWERS), township];
    });
    files.push({
      path: `街道审核结果-${township}-${compact}.csv`,
      content: csvBytes(['申请编号', '身份证号', '姓名', '审核结果', '审核意见', '审核日期', '审核人', '发送单位代码'], rows, 'utf-8-bom', { eol: '\r\n', guard: false }),
    });
  }

  if (g.decisionTargets.length) {
    const rows = g.decisionTargets.map((cr, i) => {
      const h = cr.hh.householder;
      const date = after(cr.c.township!.date);
      const by = r.pick(COUNTY_APPROVERS);
      if (i === 0) return [cr.c.caseNo, h.idNumber, h.name, '不予批准', excelDate(date), '', '', '', '', '', COUNTY_REFUSALS[0]!, by, county];
      const d = approval(g, cr.hh, cr.c.program, date, by);
      return [
        cr.c.caseNo,
        h.idNumber,
        h.name,
        '批准',
        excelDate(date),
        d.program!,
        String(d.persons),
        yuanCell(d.monthlyAmountFen!),
        d.startMonth!.replace('-', '/'),
        d.category ?? '',
        '',
        by,
        county,
      ];
    });
    files.push({
      path: `区县审批结果-${county}-${compact}.csv`,
      content: csvBytes(
        ['申请编号', '身份证号', '姓名', '审批结果', '审批日期', '救助类别', '保障人数', '月保障金额(元)', '起始年月', '分类', '原因', '审批人', '发送单位代码'],
        rows,
        'gb18030', { eol: '\r\n', guard: false }),
    });
  }

  if (g.verifyTargets.length) {
    const rows: string[][] = [];
    for (const cr of g.verifyTargets) {
      const h = cr.hh.householder;
      const date = wd(g, cr.c.acceptedOn!, r.int(2, 3)) > lw ? lw : wd(g, cr.c.acceptedOn!, r.int(2, 3));
      const items = r.shuffle([...VERIFY_ITEMS]).slice(0, r.int(2, 3));
      for (const item of items) {
        if (r.chance(0.1)) {
          const amount = item === '存款' ? r.yuan(3000, 30000, 100) : item === '车辆' ? r.yuan(20000, 60000, 1000) : r.yuan(1000, 8000, 10);
          const note =
            item === '车辆'
              ? `${h.name}名下有二手小型汽车一辆，估值约${amount / 100}元`
              : item === '存款'
                ? `${h.name}名下活期存款${amount / 100}元`
                : item === '房产'
                  ? `${h.name}名下另有住房一套（老旧平房），评估价${amount / 100}元`
                  : `${h.name}${item}记录，金额${amount / 100}元`;
          rows.push([cr.c.caseNo, h.idNumber, item, '有', date, yuanCell(amount), note]);
        } else rows.push([cr.c.caseNo, h.idNumber, item, '无', date, '', '']);
      }
    }
    files.push({
      path: `核对平台/经济状况核对结果_${compact}.csv`,
      content: csvBytes(['申请编号', '身份证号', '核对项目', '核对结果', '核对日期', '金额(元)', '说明'], rows, 'utf-8', { eol: '\n', guard: false }),
    });
  }

  if (g.changeTargets.length) {
    const date = back(g, lw, 1);
    const effective = addMonths(monthOf(g.today), 1);
    const rows = g.changeTargets.map(({ er, kind }) => {
      const h = er.hh.householder;
      const e = er.e;
      let amount = '';
      let reason = '';
      if (kind === '调整') {
        amount = yuanCell(Math.max(10000, e.monthlyAmountFen + (r.chance(0.5) ? 1 : -1) * r.yuan(50, 150)));
        reason = '年度复核，家庭成员收入发生变化，重新核定保障金额';
      } else if (kind === '恢复') {
        amount = yuanCell(e.monthlyAmountFen);
        reason = '经复核情况属实，恢复发放';
      } else if (kind === '停发') reason = '连续三个月未参加公益劳动，经街道核实，暂停发放';
      else reason = '经入户复核，家庭人均收入超过保障标准，退出低保';
      return [h.idNumber, h.name, kind, effective, date, amount, e.program, reason, county];
    });
    files.push({
      path: `待遇变更通知-${county}-${compact}.csv`,
      content: csvBytes(['身份证号', '姓名', '变更类型', '生效年月', '决定日期', '月保障金额(元)', '救助类别', '原因', '发送单位代码'], rows, 'utf-8-bom', { eol: '\r\n', guard: false }),
    });
  }
  return files;
}
