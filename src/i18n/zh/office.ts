// Messages of the office area. Keys are names, values the Chinese text with
// {placeholders}; en/office.ts has the same keys.
export default {
} as const;
