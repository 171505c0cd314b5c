// Messages of the cli area. Keys are names, values the Chinese text with
// {placeholders}; en/cli.ts has the same keys.
export default {
} as const;
