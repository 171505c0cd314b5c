// Messages of the ui area. Keys are names, values the Chinese text with
// {placeholders}; en/ui.ts has the same keys.
export default {
} as const;
