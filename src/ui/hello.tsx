import React from 'react';
import { render, Text } from 'ink';
export async function run(): Promise<void> {
  const app = render(<Text>你好</Text>);
  app.unmount();
  await app.waitUntilExit();
}
