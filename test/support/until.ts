// Waiting for a rendered frame to show something, for the screen tests.
export const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

export async function until(frame: () => string | undefined, pred: (s: string) => boolean, what: string): Promise<string> {
  // By the clock, not by a count of tries: the machine may be busy.
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    const f = frame() ?? '';
    if (pred(f)) return f;
    await tick();
  }
  throw new Error(`the screen never showed ${what}:\n${frame()}`);
}
