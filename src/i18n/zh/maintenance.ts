// Messages of the maintenance area. Keys are names, values the Chinese text with
// {placeholders}; en/maintenance.ts has the same keys.
export default {
} as const;
