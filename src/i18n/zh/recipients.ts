// Messages of the recipients area. Keys are names, values the Chinese text with
// {placeholders}; en/recipients.ts has the same keys.
export default {
} as const;
