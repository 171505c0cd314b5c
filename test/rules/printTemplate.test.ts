import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { escapeHtml, renderTemplate } from '../../src/print/template.js';
import { clip } from '../../src/ui/layout.js';

describe('the printable template renderer', () => {
  it('escapes every value, so a name or address cannot inject markup', () => {
    const html = renderTemplate('<td>{{name}}</td><td>{{addr}}</td>', { name: '张<b>三</b>', addr: '东风路"12"号 & 3栋' });
    expect(html).toBe('<td>张&lt;b&gt;三&lt;/b&gt;</td><td>东风路&quot;12&quot;号 &amp; 3栋</td>');
  });

  it('repeats a section per item, shows the inverted section only when empty, and reads dotted paths', () => {
    const tpl = '{{#rows}}[{{no}}:{{name}}/{{office.name}}]{{/rows}}{{^rows}}无{{/rows}}';
    expect(renderTemplate(tpl, { office: { name: '东风' }, rows: [{ no: 1, name: '刘*国' }, { no: 2, name: '赵*明' }] })).toBe('[1:刘*国/东风][2:赵*明/东风]');
    expect(renderTemplate(tpl, { office: { name: '东风' }, rows: [] })).toBe('无');
    expect(renderTemplate('{{#items}}<li>{{.}}</li>{{/items}}', { items: ['申请书', '户口簿'] })).toBe('<li>申请书</li><li>户口簿</li>');
  });

  it('inserts a triple-braced value as it is (the style sheet) and leaves missing values empty', () => {
    expect(renderTemplate('<style>{{{css}}}</style>{{nothing}}', { css: 'body { font-family: "Noto Sans CJK SC"; }' })).toBe('<style>body { font-family: "Noto Sans CJK SC"; }</style>');
  });

  it('never lets a rendered value contain a raw angle bracket', () => {
    fc.assert(fc.property(fc.string(), (s) => !/[<>]/.test(escapeHtml(s)) && !/[<>]/.test(renderTemplate('{{v}}', { v: s }))));
  });
});

describe('clip', () => {
  it('cuts Chinese text to a display width, never wider, keeping the end when asked', () => {
    expect(clip('刘建国', 6)).toBe('刘建国');
    expect(clip('东风路158号东风二村7栋302', 10)).toBe('东风路158…');
    expect(clip('430105197803152315', 8, true)).toBe('…3152315');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('张', '三', 'a', '1', '（', '·') }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (s, w, end) => stringWidth(clip(s, w, end)) <= w),
    );
  });
});
