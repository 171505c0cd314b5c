// A screen's reducer whose state survives while another screen is opened on
// top of it (the shell keeps it in the navigation entry).
import { useCallback } from 'react';
import { useNavState } from '../shell.js';

export function useNavReducer<S, A>(name: string, reducer: (s: S, a: A) => S, initial: S): [S, (a: A) => void] {
  const [state, set] = useNavState<S>(name, initial);
  const dispatch = useCallback((a: A) => set((old) => reducer(old, a)), [set, reducer]);
  return [state, dispatch];
}
