// Messages of the demo area. Keys are names, values the Chinese text with
// {placeholders}; en/demo.ts has the same keys.
export default {
} as const;
