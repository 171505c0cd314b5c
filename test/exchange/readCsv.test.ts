import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBuffer, decodeReasons } from '../../src/exchange/decode.js';
import { normalizeHeader, readCsvTable, type ReadResult } from '../../src/exchange/readCsv.js';
import { PUBLIC_FIXTURES } from '../support/paths.js';

type Table = Extract<ReadResult, { ok: true }>;

const table = (buf: Buffer): Table => {
  const r = readCsvTable(buf);
  if (!r.ok) throw new Error(`expected a table, got the reason: ${r.reason}`);
  return r;
};
const rejection = (buf: Buffer): string => {
  const r = readCsvTable(buf);
  if (r.ok) throw new Error('expected the file to be rejected');
  return r.reason;
};

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const utf8Bom = (text: string) => Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
const utf16le = (text: string) => Buffer.concat([UTF16LE_BOM, Buffer.from(text, 'utf16le')]);
const gb18030 = (text: string) => iconv.encode(text, 'gb18030');

const REVIEW_HEADER = '申请编号,身份证号,姓名,审核结果,审核意见,审核日期,审核人,发送单位代码';

describe('the clean fixtures in test/fixtures/public/inbox', () => {
  const dir = join(PUBLIC_FIXTURES, 'inbox');
  const expectedRows: Record<string, number> = {
    '01-standard.csv': 4,
    '02-holidays.csv': 11,
    '03-verification.csv': 7,
    '04-township-review.csv': 4,
    '05-county-decision.csv': 3,
    '06-benefit-change.csv': 2,
    '07-roster.csv': 7,
  };

  it('are all there', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expectedRows));
  });

  it.each(Object.entries(expectedRows))('%s reads with its header and %i rows numbered from 2', (name, count) => {
    const buf = readFileSync(join(dir, name));
    const t = table(buf);
    const firstLine = buf.subarray(3).toString('utf8').split('\r\n')[0]!;
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(firstLine.split(','));
    expect(t.rows).toHaveLength(count);
    expect(t.rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: count }, (_, i) => i + 2));
    expect(t.rows.every((r) => r.extraCells === 0)).toBe(true);
  });

  it('keeps free text exactly as written', () => {
    const t = table(readFileSync(join(dir, '04-township-review.csv')));
    expect(t.rows[0]!.cells['审核意见']).toBe('经入户核查情况属实，同意上报区民政局审批');
    expect(t.rows[0]!.cells['姓名']).toBe('刘建国');
  });
});

describe('encodings, as Excel, WPS and LibreOffice write them', () => {
  it('reads Excel’s “CSV (逗号分隔)” on Chinese Windows: GB18030, CRLF, a 4-byte character in a name', () => {
    const text =
      `${REVIEW_HEADER}\r\n` +
      '430105003001-2026-0001,430105197803152315,刘建国,同意,情况属实,2026-11-20,谭丽,430105003\r\n' +
      '430105003001-2026-0003,43010519850612104X,陈𠮷㐀,退回,请补充工资流水（近6个月）,2026-11-20,谭丽,430105003\r\n';
    const buf = gb18030(text);
    // The 4-byte GB18030 sequences really are in the file: 𠮷 is 95 34 B2 35, 㐀 is 81 39 EE 39.
    expect(buf.includes(Buffer.from([0x95, 0x34, 0xb2, 0x35]))).toBe(true);
    expect(buf.includes(Buffer.from([0x81, 0x39, 0xee, 0x39]))).toBe(true);
    const t = table(buf);
    expect(t.encoding).toBe('gb18030');
    expect(t.rows[1]!.cells['姓名']).toBe('陈𠮷㐀');
    expect(t.rows[1]!.cells['审核意见']).toBe('请补充工资流水（近6个月）');
    expect(t.rows[1]!.cells['身份证号']).toBe('43010519850612104X');
  });

  it('strips the GB18030 BOM (84 31 95 33), which iconv-lite would leave as U+FEFF', () => {
    const t = table(Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), gb18030('日期,类型,名称\r\n2027-01-01,休息,元旦\r\n')]));
    expect(t.encoding).toBe('gb18030');
    expect(t.rawHeaders[0]).toBe('日期');
    expect(t.rows[0]!.cells).toEqual({ 日期: '2027-01-01', 类型: '休息', 名称: '元旦' });
  });

  it('reads Excel’s “Unicode 文本”: UTF-16LE with BOM, tab-separated, quoted where needed', () => {
    const text =
      '日期\t类型\t名称\r\n' +
      '2027-01-01\t休息\t元旦\r\n' +
      '2027-02-06\t休息\t"春节\t(除夕前)"\r\n' +
      '2027-01-31\t上班\t"春节""调休"""\r\n';
    const t = table(utf16le(text));
    expect(t.encoding).toBe('utf-16le');
    expect(t.delimiter).toBe('\t');
    expect(t.headers).toEqual(['日期', '类型', '名称']);
    expect(t.rows.map((r) => r.cells['名称'])).toEqual(['元旦', '春节\t(除夕前)', '春节"调休"']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
  });

  it('recognises UTF-16LE without a BOM by its zero bytes, and UTF-16BE by its BOM', () => {
    const text = '日期\t类型\t名称\r\n2027-01-01\t休息\t元旦\r\n';
    const noBom = table(Buffer.from(text, 'utf16le'));
    expect(noBom.encoding).toBe('utf-16le');
    expect(noBom.rows[0]!.cells['名称']).toBe('元旦');

    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const t = table(be);
    expect(t.encoding).toBe('utf-16be');
    expect(t.rows[0]!.cells).toEqual({ 日期: '2027-01-01', 类型: '休息', 名称: '元旦' });
  });

  it('reads Excel’s “CSV UTF-8”: BOM and CRLF, no BOM left in the first header', () => {
    const t = table(utf8Bom('身份证号,姓名\r\n430105197803152315,刘建国\r\n'));
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.rawHeaders).toEqual(['身份证号', '姓名']);
    expect(t.rows[0]!.cells['身份证号']).toBe('430105197803152315');
  });

  it('reads LibreOffice’s and WPS’s UTF-8 without BOM and with LF', () => {
    const t = table(Buffer.from('日期,类型,名称\n26年10月1日,休息,国庆节\n26年10月10日,上班,\n', 'utf8'));
    expect(t.encoding).toBe('utf-8');
    expect(t.rows.map((r) => r.cells['日期'])).toEqual(['26年10月1日', '26年10月10日']);
    expect(t.rows[1]!.cells['名称']).toBe('');
  });

  it('decodes every encoding to the same text with its BOM removed', () => {
    const text = '姓名\t备注\r\n陈𠮷\t㐀€\r\n';
    const gbBom = Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), gb18030(text)]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const [buf, encoding] of [
      [Buffer.from(text, 'utf8'), 'utf-8'],
      [utf8Bom(text), 'utf-8-bom'],
      [gb18030(text), 'gb18030'],
      [gbBom, 'gb18030'],
      [utf16le(text), 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      expect(decodeBuffer(buf)).toEqual({ ok: true, encoding, text });
    }
  });

  it('rejects a UTF-16 file cut off in the middle of a character', () => {
    expect(rejection(utf16le('日期\t类型\r\n').subarray(0, 9))).toBe(decodeReasons.badUtf16);
  });

  it('decodes the classic near miss 联通 as GB18030, not as UTF-8', () => {
    const r = decodeBuffer(Buffer.from([0xc1, 0xaa, 0xcd, 0xa8]));
    expect(r).toEqual({ ok: true, encoding: 'gb18030', text: '联通' });
  });
});

describe('headers', () => {
  it('normalises full-width brackets and removes every space inside', () => {
    expect(normalizeHeader(' 月保障金额（元） ')).toBe('月保障金额(元)');
    expect(normalizeHeader('审批 日期')).toBe('审批日期');
    expect(normalizeHeader('\u3000身份证号\u200b')).toBe('身份证号');
  });

  it('keys cells by the normalised header and keeps the raw header beside it', () => {
    const t = table(utf8Bom('申请编号 ,审批　日期,月保障金额（元）\r\n430105003001-2026-0001,2026-11-25,1000\r\n'));
    expect(t.headers).toEqual(['申请编号', '审批日期', '月保障金额(元)']);
    expect(t.rawHeaders).toEqual(['申请编号 ', '审批　日期', '月保障金额（元）']);
    expect(t.rows[0]!.cells).toEqual({ 申请编号: '430105003001-2026-0001', 审批日期: '2026-11-25', '月保障金额(元)': '1000' });
  });

  it('reports a column that appears twice under one normalised name and keeps the first', () => {
    const t = table(utf8Bom('身份证号,月保障金额(元),月保障金额（元）\r\n430105197803152315,1000,1100\r\n'));
    expect(t.duplicateHeaders).toEqual(['月保障金额(元)']);
    expect(t.rows[0]!.cells['月保障金额(元)']).toBe('1000');
  });
});

describe('rows and row numbers', () => {
  it('counts a quoted cell with line breaks as one row, so later row numbers stay right', () => {
    const text =
      `${REVIEW_HEADER}\r\n` +
      '430105003001-2026-0001,430105197803152315,刘建国,同意,"经入户核查，\r\n情况属实，\r\n同意上报",2026-11-20,谭丽,430105003\r\n' +
      '430105003001-2026-0002,430105194612033264,黄桂英,同意,"独居老人,""五保""户",2026-11-20,谭丽,430105003\r\n';
    const t = table(utf8Bom(text));
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(t.rows[0]!.cells['审核意见']).toBe('经入户核查，\r\n情况属实，\r\n同意上报');
    expect(t.rows[1]!.cells['审核意见']).toBe('独居老人,"五保"户');
    expect(t.rows[1]!.cells['姓名']).toBe('黄桂英');
  });

  it('skips blank, whitespace-only and delimiter-only rows, which still take up a row number', () => {
    const text =
      '日期,类型,名称,,,\r\n' +
      '2027-01-01,休息,元旦,,,\r\n' +
      '\r\n' +
      '   \r\n' +
      ',,,,,\r\n' +
      ', ,\u3000,,,\r\n' +
      '2027-01-31,上班,春节调休,,,\r\n' +
      ',,,,,\r\n';
    const t = table(utf8Bom(text));
    expect(t.headers).toEqual(['日期', '类型', '名称']);
    expect(t.rows.map((r) => [r.rowNumber, r.cells['日期']])).toEqual([
      [2, '2027-01-01'],
      [7, '2027-01-31'],
    ]);
    expect(t.rows.every((r) => r.extraCells === 0)).toBe(true);
  });

  it('numbers rows as a spreadsheet does when blank rows come before the header', () => {
    const t = table(utf8Bom('\r\n日期,类型\r\n2027-01-01,休息\r\n'));
    expect(t.headerRowNumber).toBe(2);
    expect(t.rows[0]!.rowNumber).toBe(3);
  });

  it('keeps a stray quote inside an unquoted cell as text', () => {
    const t = table(utf8Bom('姓名,审核意见\r\n刘建国,他说"不需要"了\r\n黄桂英,5" 照片\r\n'));
    expect(t.rows.map((r) => r.cells['审核意见'])).toEqual(['他说"不需要"了', '5" 照片']);
  });

  it('keeps cells as raw text, spaces and full-width characters included', () => {
    const t = table(utf8Bom('姓名,月保障金额(元)\r\n 欧阳 秀英 ,１２００．５\r\n'));
    expect(t.rows[0]!.cells).toEqual({ 姓名: ' 欧阳 秀英 ', '月保障金额(元)': '１２００．５' });
  });

  it('fills cells missing at the end of a short row with empty text', () => {
    const t = table(utf8Bom('日期,类型,名称\r\n2027-01-01,休息\r\n'));
    expect(t.rows[0]!.cells).toEqual({ 日期: '2027-01-01', 类型: '休息', 名称: '' });
  });

  it('counts non-empty cells that have no header, and ignores empty ones', () => {
    const t = table(utf8Bom('日期,类型,,名称\r\n2027-01-01,休息,,元旦,,\r\n2027-01-02,休息,x,元旦,y,z\r\n'));
    expect(t.rows.map((r) => r.extraCells)).toEqual([0, 3]);
    expect(t.rows[1]!.cells).toEqual({ 日期: '2027-01-02', 类型: '休息', 名称: '元旦' });
  });

  it('accepts CRLF, LF and CR line ends mixed in one file', () => {
    const t = table(utf8Bom('日期,类型\r\n2027-01-01,休息\n2027-01-02,休息\r2027-01-31,上班\r\n'));
    expect(t.rows.map((r) => [r.rowNumber, r.cells['日期']])).toEqual([
      [2, '2027-01-01'],
      [3, '2027-01-02'],
      [4, '2027-01-31'],
    ]);
  });

  it('detects a tab-separated UTF-8 file from its header line', () => {
    const t = table(Buffer.from('日期\t类型\t名称\n2027-01-01\t休息\t元旦,初一\n', 'utf8'));
    expect(t.delimiter).toBe('\t');
    expect(t.rows[0]!.cells['名称']).toBe('元旦,初一');
  });
});

describe('files that cannot be read at all', () => {
  it('rejects an unclosed quote, naming the line where it starts', () => {
    const text = `${REVIEW_HEADER}\r\n` +
      '430105003001-2026-0001,430105197803152315,刘建国,同意,情况属实,2026-11-20,谭丽,430105003\r\n' +
      '430105003001-2026-0002,430105194612033264,黄桂英,同意,"独居老人,2026-11-20,谭丽,430105003\r\n' +
      '430105003001-2026-0004,430105196205140010,赵德明,同意,情况属实,2026-11-20,谭丽,430105003\r\n';
    const why = rejection(utf8Bom(text));
    expect(why).toMatch(/^第3行/);
    expect(why).toContain('双引号');
  });

  it('names the text line too when an earlier cell spans lines', () => {
    const why = rejection(utf8Bom('姓名,备注\r\n刘建国,"两行\r\n备注"\r\n黄桂英,"没有结束\r\n'));
    expect(why).toMatch(/^第3行（文本第4行）/);
  });

  it('rejects binary junk, workbooks and files with zero bytes', () => {
    let seed = 7;
    const junk = Buffer.alloc(4096, 0).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 16;
    });
    expect(rejection(Buffer.from(junk))).toBe(decodeReasons.binary);
    expect(rejection(Buffer.from(junk.map((b) => b || 1)))).toBe(decodeReasons.binary);
    expect(rejection(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toBe(decodeReasons.xlsx);
    expect(rejection(Buffer.concat([Buffer.from('日期,类型\n', 'utf8'), Buffer.from([0, 0, 0, 1, 2, 0, 3])]))).toBe(decodeReasons.binary);
    expect(rejection(Buffer.alloc(0))).toBe(decodeReasons.empty);
  });

  it('rejects a file that is neither UTF-8 nor GB18030, naming the line', () => {
    const buf = Buffer.concat([gb18030('日期,类型,名称\r\n2027-01-01,休息,元旦\r\n2027-01-02,休息,'), Buffer.from([0xff, 0x0d, 0x0a])]);
    expect(rejection(buf)).toBe(decodeReasons.undecodable(3));
  });

  it('rejects a damaged UTF-8 file that claims UTF-8 by its BOM', () => {
    expect(rejection(Buffer.concat([UTF8_BOM, gb18030('日期,类型\r\n')]))).toBe(decodeReasons.badUtf8Bom);
  });

  it('rejects a file with only blank lines', () => {
    expect(rejection(utf8Bom('\r\n,,\r\n'))).toContain('没有表头');
  });
});

describe('round trip (property)', () => {
  const HEADERS = ['姓名', '审核意见', '住址'] as const;

  // Characters that spreadsheets and clerks put into cells, with the ones
  // that need quoting weighted up; no control characters (they mark binary).
  const char = fc.oneof(
    fc.constantFrom(',', '"', '\n', '\r\n', '\r', '\t', ' ', '\u3000', '，', '“', '𠮷', '㐀', '€', '\''),
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)),
  );
  const cell = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''));
  const rows = fc.array(fc.tuple(cell, cell, cell), { maxLength: 25 });

  const quote = (s: string, delimiter: string) =>
    s.includes('"') || s.includes(delimiter) || s.includes('\r') || s.includes('\n') ? `"${s.replaceAll('"', '""')}"` : s;
  const write = (data: readonly (readonly string[])[], delimiter: string) =>
    data.map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';

  const encodings = [
    ['UTF-8 with BOM', ',', utf8Bom],
    ['UTF-8 without BOM', ',', (t: string) => Buffer.from(t, 'utf8')],
    ['GB18030', ',', gb18030],
    ['UTF-16LE with BOM', '\t', utf16le],
  ] as const;

  it.each(encodings)('any rows written with RFC 4180 quoting in %s read back to the same cells', (_, delimiter, encode) => {
    fc.assert(
      fc.property(rows, (data) => {
        const t = table(encode(write([HEADERS, ...data], delimiter)));
        const expected = data
          .map((r, i) => ({ rowNumber: i + 2, cells: { 姓名: r[0], 审核意见: r[1], 住址: r[2] }, extraCells: 0 }))
          .filter((r) => Object.values(r.cells).some((c) => c.trim() !== ''));
        expect(t.headers).toEqual([...HEADERS]);
        expect(t.rows).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
