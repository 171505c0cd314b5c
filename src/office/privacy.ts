// Masking for anything that may end up in a log or a message: ID numbers
// keep their region and last four characters only.
const ID_RE = /(?<![0-9])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9])/g;

export function maskIds(text: string): string {
  return text.replace(ID_RE, (_m, a: string, _b: string, c: string) => `${a}********${c}`);
}

/** 张三丰 → 张*丰, 张三 → 张*, as the public notice shows a name. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
