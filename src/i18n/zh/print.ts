// Messages of the print area. Keys are names, values the Chinese text with
// {placeholders}; en/print.ts has the same keys.
export default {
} as const;
