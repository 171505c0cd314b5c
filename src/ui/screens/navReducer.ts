// A screen's reducer state kept in the shell's navigation entry, so it
// survives the `?` overlay and a screen opened on top (the list's filter and
// cursor, a half-typed step form, the intake form, unsaved marks). A dispatch
// updates it at once, before React renders, so keys that arrive together
// (fast typing, a paste) each see the state the one before left: `get()`
// reads that latest state inside a key handler.
import { useReducer, useRef } from 'react';
import { useShell } from '../shell.js';

export function useNavReducer<S, A>(name: string, reducer: (s: S, a: A) => S, initial: S | (() => S)): [S, (a: A) => void, () => S] {
  const store = useShell().nav.state;
  const ref = useRef<{ s: S } | null>(null);
  ref.current ??= { s: store.has(name) ? (store.get(name) as S) : typeof initial === 'function' ? (initial as () => S)() : initial };
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const box = ref.current;
  const dispatch = useRef((a: A): void => {
    box.s = reducer(box.s, a);
    store.set(name, box.s);
    rerender();
  }).current;
  const get = useRef(() => box.s).current;
  return [box.s, dispatch, get];
}
