// Messages of the store area. Keys are names, values the Chinese text with
// {placeholders}; en/store.ts has the same keys.
export default {
} as const;
