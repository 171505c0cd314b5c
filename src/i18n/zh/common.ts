// Messages of the common area. Keys are names, values the Chinese text with
// {placeholders}; en/common.ts has the same keys.
export default {
} as const;
