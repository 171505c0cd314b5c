// Messages of the attendance area. Keys are names, values the Chinese text with
// {placeholders}; en/attendance.ts has the same keys.
export default {
} as const;
