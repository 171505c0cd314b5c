// A deterministic corpus of damaged, odd and random inbound files for the
// sync fuzz test: the fixture files re-encoded, edited cell by cell and line
// by line the way people and spreadsheets do, then cut, flipped and spliced
// byte by byte; plus random binary, empty files and huge lines.
import iconv from 'iconv-lite';
import { CASES, fixtureText } from './office.js';

/** mulberry32: small, fast and the same everywhere. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(256);
    return b;
  }
}

export const FIXTURE_NAMES = [
  '01-standard.csv',
  '02-holidays.csv',
  '03-verification.csv',
  '04-township-review.csv',
  '05-county-decision.csv',
  '06-benefit-change.csv',
  '07-roster.csv',
] as const;

/** Values people and spreadsheets put in cells: valid ones of every column, mangled ones, hostile ones. */
const CELL_VALUES = [
  '',
  ' ',
  '　',
  '4.30105E+17',
  '4.30105197803152E+017',
  '430105199001011000',
  "'430105197803152315",
  '43010519821128129x',
  '430105780315231',
  ...Object.values(CASES).flatMap((c) => [c.caseNo, c.id, c.name]),
  '430105195806211414',
  '430105197504092770',
  '430105198007222428',
  '430105003001-2026-0099',
  '430106003001-2026-0001',
  '430105003001-2026-1',
  '430105',
  '430105003',
  '430106',
  '430105003001',
  '=1+1',
  '=HYPERLINK("http://x","y")',
  '-800',
  '(800)',
  '800,50',
  '1,234.567',
  '１２００．５',
  '￥1,234.50',
  '¥800',
  '800元',
  'RMB 900',
  '1e309',
  'NaN',
  '-0',
  '0',
  '99999999999999999999',
  '2026-02-30',
  '2026-11-20',
  '2026-1-5',
  '2026.11.20',
  '20261120',
  '11/20/2026',
  '20/11/26',
  '46346',
  '60',
  '26年11月20日',
  '2026/11/20 星期五 14:30',
  '2026-11-20 25:61',
  '2026-12',
  '202612',
  '2026年12月',
  '2027-01',
  '同意',
  '不同意',
  '退回',
  '批准',
  '通过',
  '不予批准',
  '不批准',
  '停发',
  '恢复',
  '退出',
  '调整',
  '低保',
  '特困',
  '城市',
  '农村',
  '有',
  '无',
  '休息',
  '上班',
  '户主',
  '配偶',
  '子女',
  'A',
  'b',
  '一类',
  '四类',
  '3',
  '３',
  '3.0',
  '-1',
  '"',
  '""',
  'x"y',
  '\u0000',
  '\u200b',
  '😀👨‍👩‍👧',
  '\ufffd',
  '第一行\n第二行',
  'a,b,c',
  'x'.repeat(3000),
];

// ----------------------------------------------------------------- text edits

type Lines = string[];

const splitLines = (text: string): Lines => text.split('\r\n').filter((l, i, a) => !(l === '' && i === a.length - 1));
const joinLines = (lines: Lines, eol = '\r\n'): string => lines.join(eol) + eol;
const quoteCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

type TextEdit = (rng: Rng, lines: Lines) => Lines;

const TEXT_EDITS: TextEdit[] = [
  // a cell replaced by one of the values above (quoted when needed, or not: people do both)
  (rng, lines) => {
    const i = rng.between(lines.length > 1 ? 1 : 0, lines.length - 1);
    const cells = lines[i]!.split(',');
    const v = rng.pick(CELL_VALUES);
    cells[rng.int(cells.length)] = rng.chance(0.8) ? quoteCell(v) : v;
    return lines.map((l, j) => (j === i ? cells.join(',') : l));
  },
  // a line deleted
  (rng, lines) => lines.filter((_, j) => j !== rng.int(lines.length)),
  // a line repeated
  (rng, lines) => {
    const i = rng.int(lines.length);
    return [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)];
  },
  // data lines in another order
  (rng, lines) => {
    const [h, ...rest] = lines;
    for (let i = rest.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [rest[i], rest[j]] = [rest[j]!, rest[i]!];
    }
    return h === undefined ? lines : [h, ...rest];
  },
  // the header again further down (two sheets pasted together)
  (rng, lines) => {
    const i = rng.between(1, lines.length);
    return [...lines.slice(0, i), lines[0]!, ...lines.slice(i)];
  },
  // a header cell repeated
  (rng, lines) => {
    const h = lines[0]!.split(',');
    return [[...h, rng.pick(h)].join(','), ...lines.slice(1)];
  },
  // a column dropped everywhere
  (rng, lines) => {
    const at = rng.int(lines[0]!.split(',').length);
    return lines.map((l) => l.split(',').filter((_, j) => j !== at).join(','));
  },
  // an unknown column added
  (rng, lines) => lines.map((l, j) => `${l},${j === 0 ? rng.pick(['备注', '序号', ' 经办 单位 ', '']) : rng.pick(CELL_VALUES.slice(0, 20))}`),
  // full-width header punctuation and spaces
  (_rng, lines) => [lines[0]!.replaceAll('(', '（').replaceAll(')', '）').replaceAll(',', ' , '), ...lines.slice(1)],
  // blank and all-empty lines sprinkled in
  (rng, lines) => lines.flatMap((l) => (rng.chance(0.3) ? [l, rng.pick(['', ',,,', '" "', ',,,,,,,,,,,,,,'])] : [l])),
  // rows of another kind under this header
  (rng, lines) => [lines[0]!, ...splitLines(fixtureText(rng.pick(FIXTURE_NAMES))).slice(1)],
  // a semicolon file (a European locale)
  (_rng, lines) => lines.map((l) => l.replaceAll(',', ';')),
  // an unclosed quote
  (rng, lines) => {
    const i = rng.int(lines.length);
    return lines.map((l, j) => (j === i ? `"${l}` : l));
  },
  // a cell with a line break in it, quoted
  (rng, lines) => {
    const i = rng.between(1, Math.max(1, lines.length - 1));
    if (!lines[i]) return lines;
    const cells = lines[i]!.split(',');
    cells[rng.int(cells.length)] = `"第一行${rng.pick(['\n', '\r\n', '\r'])}第二行,""引号"""`;
    return lines.map((l, j) => (j === i ? cells.join(',') : l));
  },
];

// ------------------------------------------------------------------ encodings

type Encoding = 'utf8bom' | 'utf8' | 'gb18030' | 'utf16le' | 'utf16le-nobom' | 'utf16be' | 'gb18030-bom';

function encode(text: string, enc: Encoding): Buffer {
  switch (enc) {
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'gb18030-bom':
      return iconv.encode(`\ufeff${text}`, 'gb18030');
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll(',', '\t'), 'utf16le')]);
    case 'utf16le-nobom':
      return Buffer.from(text.replaceAll(',', '\t'), 'utf16le');
    case 'utf16be': {
      const le = Buffer.from(`\ufeff${text.replaceAll(',', '\t')}`, 'utf16le');
      return le.swap16();
    }
  }
}

const ENCODINGS: Encoding[] = ['utf8bom', 'utf8bom', 'utf8bom', 'utf8', 'utf8', 'gb18030', 'gb18030', 'utf16le', 'utf16le', 'utf16le-nobom', 'utf16be', 'gb18030-bom'];

// ------------------------------------------------------------------ byte edits

const INSERTS = ['"', ',', '\n', '\r\n', '\r', '\0', '\t', '\u00ff', '""', ',,,', '\ufeff'];

type ByteEdit = (rng: Rng, b: Buffer) => Buffer;

const BYTE_EDITS: ByteEdit[] = [
  // cut short (a half-copied file)
  (rng, b) => b.subarray(0, rng.int(b.length + 1)),
  // a few bytes flipped
  (rng, b) => {
    const c = Buffer.from(b);
    for (let k = rng.between(1, 5); k > 0 && c.length; k--) {
      const at = rng.int(c.length);
      c[at] = c[at]! ^ (1 << rng.int(8));
    }
    return c;
  },
  // quotes, commas, line breaks, NULs… inserted
  (rng, b) => {
    const at = rng.int(b.length + 1);
    const ins = rng.chance(0.5) ? Buffer.from(rng.pick(INSERTS), 'latin1') : Buffer.from(rng.pick(INSERTS), 'utf8');
    return Buffer.concat([b.subarray(0, at), ins, b.subarray(at)]);
  },
  // a range deleted
  (rng, b) => {
    const at = rng.int(b.length + 1);
    return Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + rng.between(1, 40)))]);
  },
  // a range repeated
  (rng, b) => {
    const at = rng.int(b.length + 1);
    const len = rng.between(1, 80);
    return Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]);
  },
  // random bytes spliced in
  (rng, b) => {
    const at = rng.int(b.length + 1);
    return Buffer.concat([b.subarray(0, at), rng.bytes(rng.between(1, 16)), b.subarray(at)]);
  },
  // a BOM added or removed
  (rng, b) => (b[0] === 0xef ? b.subarray(3) : Buffer.concat([Buffer.from(rng.pick([[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]])), b])),
  // two encodings in one file (rows appended from another export)
  (rng, b) => Buffer.concat([b, encode(splitLines(fixtureText(rng.pick(FIXTURE_NAMES))).slice(1).join('\r\n') + '\r\n', rng.pick(ENCODINGS))]),
];

// ------------------------------------------------------------------- files

export interface CorpusFile {
  bytes: Buffer;
  /** How it was made, for a failure message. */
  how: string;
}

function wholeFile(rng: Rng): CorpusFile {
  switch (rng.int(9)) {
    case 0:
      return { bytes: Buffer.alloc(0), how: 'empty' };
    case 1:
      return { bytes: rng.bytes(rng.between(1, 4096)), how: 'random binary' };
    case 2:
      return { bytes: Buffer.from([0xef, 0xbb, 0xbf]), how: 'only a BOM' };
    case 3: {
      const alphabet = ',"\r\n\t abc身份证号申请编号0123456789-';
      const chars = Array.from({ length: rng.between(1, 2000) }, () => alphabet[rng.int(alphabet.length)]).join('');
      return { bytes: Buffer.from(chars, 'utf8'), how: 'random CSV-ish text' };
    }
    case 4:
      return { bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), rng.bytes(rng.between(10, 500))]), how: 'xlsx-like' };
    case 5:
      return { bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, ...rng.bytes(64)]), how: 'xls-like' };
    case 6:
      return { bytes: Buffer.from('\r\n'.repeat(rng.between(1, 5))), how: 'blank lines' };
    case 7:
      return { bytes: encode(splitLines(fixtureText(rng.pick(FIXTURE_NAMES)))[0]! + '\r\n', rng.pick(ENCODINGS)), how: 'header only' };
    default:
      return { bytes: Buffer.from(`${'\u0000'.repeat(rng.between(1, 8))}${'a,b\n'.repeat(rng.between(1, 50))}`), how: 'NULs then text' };
  }
}

/** A huge line: a cell of hundreds of kilobytes, or a row of thousands of cells. */
export function hugeFile(rng: Rng): CorpusFile {
  const name = rng.pick(FIXTURE_NAMES);
  const lines = splitLines(fixtureText(name));
  const i = rng.between(1, lines.length - 1);
  const big = rng.chance(0.5) ? `,"${'很长的说明'.repeat(rng.between(20_000, 40_000))}"` : ','.repeat(rng.between(20_000, 60_000)) + 'x';
  lines[i] = lines[i]! + big;
  return { bytes: encode(joinLines(lines), 'utf8bom'), how: `huge line in ${name}` };
}

export function corpusFile(rng: Rng): CorpusFile {
  if (rng.chance(0.08)) return wholeFile(rng);
  const name = rng.pick(FIXTURE_NAMES);
  let lines = splitLines(fixtureText(name));
  const how: string[] = [name];
  for (let k = rng.int(4); k > 0; k--) {
    const e = rng.int(TEXT_EDITS.length);
    lines = TEXT_EDITS[e]!(rng, lines);
    how.push(`text${e}`);
    if (lines.length === 0) break;
  }
  const enc = rng.pick(ENCODINGS);
  how.push(enc);
  let bytes = encode(joinLines(lines, rng.chance(0.2) ? '\n' : '\r\n'), enc);
  // Half the files keep whole bytes, so the merge sees plenty of readable rows too.
  if (rng.chance(0.5)) {
    for (let k = rng.between(1, 3); k > 0; k--) {
      const e = rng.int(BYTE_EDITS.length);
      bytes = BYTE_EDITS[e]!(rng, bytes);
      how.push(`byte${e}`);
    }
  }
  return { bytes, how: how.join(' ') };
}
