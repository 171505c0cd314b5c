// The report screen's state and its reducer: which form, which period, where
// the cursor is, what the clerk has typed. Pure, so it is tested without Ink.

export type Mode = 'list' | 'table' | 'edit' | 'export' | 'checks';

export interface ReportState {
  mode: Mode;
  listIndex: number;
  templateId: string | null;
  period: string | null;
  row: number;
  col: number;
  manual: Record<string, string>;
  editing: { key: string; label: string; text: string; queue: { key: string; label: string }[] } | null;
  force: boolean;
  send: boolean;
  message: string | null;
}

export const initialState: ReportState = {
  mode: 'list',
  listIndex: 0,
  templateId: null,
  period: null,
  row: 0,
  col: 1,
  manual: {},
  editing: null,
  force: false,
  send: false,
  message: null,
};

export type Action =
  | { type: 'list-move'; by: number; count: number }
  | { type: 'open'; templateId: string; period: string; manual: Record<string, string> }
  | { type: 'back' }
  | { type: 'move'; rows: number; cols: number; dRow: number; dCol: number }
  | { type: 'set-period'; period: string; manual: Record<string, string> }
  | { type: 'edit'; fields: { key: string; label: string }[] }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'commit' }
  | { type: 'mode'; mode: Mode }
  | { type: 'toggle'; what: 'force' | 'send' }
  | { type: 'message'; text: string | null };

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

export function reducer(s: ReportState, a: Action): ReportState {
  switch (a.type) {
    case 'list-move':
      return { ...s, listIndex: clamp(s.listIndex + a.by, 0, Math.max(0, a.count - 1)) };
    case 'open':
      return { ...s, mode: 'table', templateId: a.templateId, period: a.period, row: 0, col: 1, manual: a.manual, force: false, send: false, message: null };
    case 'back':
      if (s.mode === 'table') return { ...s, mode: 'list', templateId: null, message: null };
      return { ...s, mode: 'table', editing: null, message: null };
    case 'move':
      return { ...s, row: clamp(s.row + a.dRow, 0, Math.max(0, a.rows - 1)), col: clamp(s.col + a.dCol, 1, Math.max(1, a.cols - 1)) };
    case 'set-period':
      return { ...s, period: a.period, row: 0, manual: a.manual, message: null };
    case 'edit': {
      const [first, ...queue] = a.fields;
      if (!first) return s;
      return { ...s, mode: 'edit', editing: { ...first, text: s.manual[first.key] ?? '', queue }, message: null };
    }
    case 'type':
      return s.editing ? { ...s, editing: { ...s.editing, text: s.editing.text + a.text } } : s;
    case 'erase':
      return s.editing ? { ...s, editing: { ...s.editing, text: [...s.editing.text].slice(0, -1).join('') } } : s;
    case 'commit': {
      if (!s.editing) return s;
      const manual = { ...s.manual };
      if (s.editing.text.trim() === '') delete manual[s.editing.key];
      else manual[s.editing.key] = s.editing.text;
      const [next, ...queue] = s.editing.queue;
      if (next) return { ...s, manual, editing: { ...next, text: manual[next.key] ?? '', queue } };
      return { ...s, manual, mode: 'table', editing: null };
    }
    case 'mode':
      return { ...s, mode: a.mode, message: null };
    case 'toggle':
      return { ...s, [a.what]: !s[a.what] };
    case 'message':
      return { ...s, message: a.text };
  }
}
