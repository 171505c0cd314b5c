// Messages of the reports area. Keys are names, values the Chinese text with
// {placeholders}; en/reports.ts has the same keys.
export default {
} as const;
