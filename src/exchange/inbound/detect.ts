// Which inbound kind a header is: the kind whose required columns it has,
// or the reason none fits (the closest kinds and what they miss).
import { normalizeHeader } from '../readCsv.js';
import { KIND_SPECS, type InboundKind } from './index.js';

export type DetectResult = { ok: true; kind: InboundKind; unknownColumns: string[] } | { ok: false; reason: string };

const kinds = () => Object.keys(KIND_SPECS) as InboundKind[];
const quoteTitle = (kind: InboundKind) => `“${KIND_SPECS[kind].title}”`;

export const detectReasons = {
  noKind: (closest: { kind: InboundKind; missing: readonly string[] }[]) =>
    '无法识别文件类型：表头不含任何一种交换文件的全部必填列，' +
    closest.map((c) => `最接近${quoteTitle(c.kind)}，但缺少${c.missing.join('、')}`).join('；或') +
    '。请核对表头的列名',
  get noColumnKnown(): string {
    return '无法识别文件类型：表头里没有任何一种交换文件的必填列，' + `可识别的文件有${kinds().map(quoteTitle).join('、')}，请核对这是不是发给本社区的文件`;
  },
  manyKinds: (kinds: readonly InboundKind[]) =>
    `无法识别文件类型：表头同时含有${kinds.map(quoteTitle).join('和')}的全部必填列，分不清是哪一种，` +
    '请每种结果单独导出成一个文件',
};

/**
 * The kind whose required columns the header has, and the columns no part
 * of that kind (ignored, but named in the receipt).
 */
export function detectKind(headers: readonly string[]): DetectResult {
  const present = new Set(headers.map(normalizeHeader));
  const fits = kinds().map((kind) => {
    const { required } = KIND_SPECS[kind];
    return { kind, found: required.filter((c) => present.has(c)).length, missing: required.filter((c) => !present.has(c)) };
  });
  const matches = fits.filter((f) => f.missing.length === 0);

  if (matches.length > 1) return { ok: false, reason: detectReasons.manyKinds(matches.map((m) => m.kind)) };
  const match = matches[0];
  if (match) {
    const { required, optional } = KIND_SPECS[match.kind];
    const known = new Set([...required, ...optional]);
    const unknown = new Set<string>();
    for (const h of headers) {
      const name = normalizeHeader(h);
      if (name !== '' && !known.has(name)) unknown.add(name);
    }
    return { ok: true, kind: match.kind, unknownColumns: [...unknown] };
  }

  // Closest: most required columns present, then fewest missing; every kind
  // tied for closest is named, so the clerk sees each way the header could be fixed.
  const best = Math.max(...fits.map((f) => f.found));
  if (best === 0) return { ok: false, reason: detectReasons.noColumnKnown };
  const candidates = fits.filter((f) => f.found === best);
  const fewest = Math.min(...candidates.map((f) => f.missing.length));
  return { ok: false, reason: detectReasons.noKind(candidates.filter((f) => f.missing.length === fewest)) };
}
