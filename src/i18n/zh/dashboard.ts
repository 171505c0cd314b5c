// Messages of the dashboard area. Keys are names, values the Chinese text with
// {placeholders}; en/dashboard.ts has the same keys.
export default {
} as const;
