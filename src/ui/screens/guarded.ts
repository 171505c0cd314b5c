// Runs a screen's change while keys are ignored, and turns its outcome into
// the line the clerk reads: what was done, or the refusal in red.
export interface ScreenMessage {
  text: string;
  bad?: boolean;
}

export async function guarded(live: { busy: boolean }, show: (m: ScreenMessage) => void, fn: () => Promise<string>): Promise<boolean> {
  live.busy = true;
  try {
    show({ text: await fn() });
    return true;
  } catch (err) {
    show({ text: (err as Error).message, bad: true });
    return false;
  } finally {
    live.busy = false;
  }
}
