// Who signs the changes on this PC: the clerk named at init and those chosen
// in the app since. The app asks who is working when that is not one name.
import type { Tx, View } from '../store/office.js';

/** Names that have signed here: the one named at init and those chosen in the app. */
export function knownOperators(view: View): string[] {
  const names = new Set<string>();
  const init = view.get('meta', 'operator') as { name?: string } | undefined;
  if (init?.name) names.add(init.name);
  const list = view.get('meta', 'operators') as { names?: string[] } | undefined;
  for (const n of list?.names ?? []) names.add(n);
  return [...names];
}

/** Adds a clerk to those known here (once). */
export function addOperator(tx: Tx, name: string): void {
  const cur = tx.get('meta', 'operators') as { names?: string[] } | undefined;
  const names = cur?.names ?? [];
  if (!names.includes(name)) tx.put('meta', 'operators', { id: 'operators', names: [...names, name] });
}
