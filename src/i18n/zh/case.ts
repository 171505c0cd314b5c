// Messages of the case area. Keys are names, values the Chinese text with
// {placeholders}; en/case.ts has the same keys.
export default {
} as const;
