import { createContext, useContext } from 'react';
import type { Coalition, Session } from '../../../shared/contract';

/** What the shell gives every screen: the coalition, this workstation and the operator on duty. */
export interface ShellProps {
  coalition: Coalition;
  workstation: { id: string; name: string | null };
  session: Session;
}

export const ShellContext = createContext<ShellProps | null>(null);

/** The coalition, workstation and operator on duty, for any screen inside the shell. */
export function useShell(): ShellProps {
  const v = useContext(ShellContext);
  if (!v) throw new Error('useShell outside the console shell');
  return v;
}
