// A screen's reducer state that survives while the screen is not drawn (the
// `?` overlay, another screen opened on top) and that each key sees at once:
// a dispatch updates it synchronously, before React renders it, so keys that
// arrive together (fast typing, a paste) each see the state the one before left.
import { useReducer, useRef } from 'react';
import { useShell } from '../shell.js';

export function useNavReducer<S, A>(name: string, reducer: (s: S, a: A) => S, init: () => S): { state: S; get: () => S; dispatch: (a: A) => void } {
  const store = useShell().nav.state;
  const ref = useRef<S | null>(null);
  ref.current ??= store.has(name) ? (store.get(name) as S) : init();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const dispatch = (a: A): void => {
    ref.current = reducer(ref.current!, a);
    store.set(name, ref.current);
    rerender();
  };
  return { state: ref.current, get: () => ref.current!, dispatch };
}
