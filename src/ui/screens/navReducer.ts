// A screen's reducer state kept in the shell's navigation entry, so it
// survives the `?` overlay and a screen opened on top (the list's filter and
// cursor, a half-typed step form, the intake form).
import { useCallback } from 'react';
import { useNavState } from '../shell.js';

export function useNavReducer<S, A>(name: string, reducer: (s: S, a: A) => S, initial: S | (() => S)): [S, (a: A) => void] {
  const [s, set] = useNavState<S>(name, typeof initial === 'function' ? (initial as () => S)() : initial);
  const dispatch = useCallback((a: A) => set((old) => reducer(old, a)), [set, reducer]);
  return [s, dispatch];
}
