// Stands in for a screen another module is still building; the registry
// entry is replaced by the real screen when it lands.
import React from 'react';
import { Box, Text } from 'ink';
import { useKeys, useShell } from '../shell.js';

export function PlaceholderScreen({ what, twin, householdKey }: { what: string; twin: string; householdKey?: string }) {
  const shell = useShell();
  useKeys(
    (input) => {
      if (input === 'h' && householdKey) {
        shell.replace('archive', { key: householdKey });
        return true;
      }
      return false;
    },
    householdKey ? [['h', '打开这一户的档案']] : [],
  );
  return (
    <Box flexDirection="column">
      <Text>「{what}」页面即将接入。</Text>
      <Text dimColor>现在可以用命令行：{twin}</Text>
    </Box>
  );
}
