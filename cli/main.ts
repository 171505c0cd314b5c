const cmd = process.argv[2];
if (cmd === 'ui') {
  const m = await import('../src/ui/hello.js');
  await m.run();
} else {
  console.log('状态 ok');
}
