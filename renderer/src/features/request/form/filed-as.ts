import { catalogKind } from '../../../../../shared/domain/nims';

/**
 * The catalogue's name a typed kind is saved under, when it is not what was typed ("N95
 * respirators" is kept as "N95 respirator", so that stock of it is matched); undefined when
 * the kind is kept as typed.
 */
export function filedAs(typed: string): string | undefined {
  const c = catalogKind(typed);
  return c && c.kind !== typed.trim() ? `Filed as “${c.kind}”` : undefined;
}
