// Messages of the household area. Keys are names, values the Chinese text with
// {placeholders}; en/household.ts has the same keys.
export default {
} as const;
