// Messages of the sync area. Keys are names, values the Chinese text with
// {placeholders}; en/sync.ts has the same keys.
export default {
} as const;
