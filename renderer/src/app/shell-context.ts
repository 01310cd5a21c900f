import { createContext, useContext } from 'react';
import type { ShellProps } from './Shell';

export const ShellContext = createContext<ShellProps | null>(null);

/** The coalition, workstation and operator on duty, for any screen inside the shell. */
export function useShell(): ShellProps {
  const v = useContext(ShellContext);
  if (!v) throw new Error('useShell outside the console shell');
  return v;
}
