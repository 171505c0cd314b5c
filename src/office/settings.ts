// The office's settings with the defaults of product.md. Local rules differ
// between provinces, so every period and threshold lives here, not in code.
import { z } from 'zod';
import { AREAS } from './model.js';

export const OFFICE_CODE_RE = /^\d{12}$/;

/**
 * The settings' schema, built at its first use (a setting changed, doctor)
 * rather than when the module loads: the app's start then evaluates no zod
 * (docs/architecture.md "Start-up").
 */
function buildSettingsSchema() {
  return z.looseObject({
    office: z.looseObject({
      code: z.string().regex(OFFICE_CODE_RE),
      name: z.string().min(1),
      area: z.enum(AREAS),
      shared: z.string().nullable(),
      outboundEncoding: z.enum(['utf-8-bom', 'gb18030']),
    }),
    deadlines: z.looseObject({
      /** community part, from acceptance to submit (working days) */
      communityWorkingDays: z.number().int().positive(),
      /** investigation starts after acceptance within (working days) */
      investigationWorkingDays: z.number().int().positive(),
      /** public notice (calendar days) */
      noticeCalendarDays: z.number().int().positive(),
      /** warn before a deadline (working days) */
      warnWorkingDays: z.number().int().nonnegative(),
      /** refusal notice to the applicant within (working days) */
      refusalNoticeWorkingDays: z.number().int().positive(),
    }),
    reviewMonths: z.looseObject({ A: z.number().int().positive(), B: z.number().int().positive(), C: z.number().int().positive() }),
    gradualExitMonths: z.number().int().nonnegative(),
    labour: z.looseObject({
      minAge: z.number().int(),
      maxAge: z.number().int(),
      warnAbsences: z.number().int().positive(),
      recommendAbsences: z.number().int().positive(),
      /** ISO weekdays, 1 = Monday */
      weekdays: z.array(z.number().int().min(1).max(7)),
      start: z.string().regex(/^\d{2}:\d{2}$/),
      end: z.string().regex(/^\d{2}:\d{2}$/),
      groups: z.number().int().positive(),
      tasks: z.array(z.string().min(1)).min(1),
      sessionsOnMakeUpDays: z.boolean(),
    }),
    /** 低保边缘 line as a percentage of the standard (150 = 1.5 ×). */
    nearPovertyPercent: z.number().int().positive(),
    excludedIncomeKinds: z.array(z.string()),
    disabilityAllowancePercent: z.looseObject({
      severe: z.tuple([z.number(), z.number()]),
      other: z.tuple([z.number(), z.number()]),
    }),
    backupReminderDays: z.number().int().positive(),
    arrivalStableMs: z.number().int().nonnegative(),
  });
}

let schema: ReturnType<typeof buildSettingsSchema> | undefined;
export const settingsSchema = () => (schema ??= buildSettingsSchema());

export type Settings = z.infer<ReturnType<typeof buildSettingsSchema>>;

export const DEFAULT_EXCLUDED_INCOME_KINDS = [
  '优抚金',
  '计划生育奖励扶助金',
  '奖学金',
  '见义勇为奖金',
  '社会救助金',
  '基础养老金补贴',
];

export function defaultSettings(office: { code: string; name: string; area?: (typeof AREAS)[number]; shared?: string | null }): Settings {
  return {
    office: {
      code: office.code,
      name: office.name,
      area: office.area === '农村' ? '农村' : '城市',
      shared: office.shared ?? null,
      outboundEncoding: 'utf-8-bom',
    },
    deadlines: {
      communityWorkingDays: 15,
      investigationWorkingDays: 3,
      noticeCalendarDays: 7,
      warnWorkingDays: 3,
      refusalNoticeWorkingDays: 3,
    },
    reviewMonths: { A: 6, B: 3, C: 1 },
    gradualExitMonths: 3,
    labour: {
      minAge: 18,
      maxAge: 60,
      warnAbsences: 2,
      recommendAbsences: 3,
      weekdays: [1, 3, 5],
      start: '10:00',
      end: '11:00',
      groups: 6,
      tasks: ['环境卫生清扫', '小区门岗值守', '治安巡逻', '帮扶高龄独居老人', '垃圾分类督导', '绿化养护'],
      sessionsOnMakeUpDays: false,
    },
    nearPovertyPercent: 150,
    excludedIncomeKinds: [...DEFAULT_EXCLUDED_INCOME_KINDS],
    disabilityAllowancePercent: { severe: [30, 40], other: [10, 30] },
    backupReminderDays: 7,
    arrivalStableMs: 2000,
  };
}
