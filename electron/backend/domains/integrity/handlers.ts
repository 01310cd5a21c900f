import type { integrityMethods } from '../../../../shared/contract/integrity';
import type { HandlersFor } from '../../registry';

export const integrityHandlers: HandlersFor<keyof typeof integrityMethods> = {
  'integrity.verify': (_input, { services }) => {
    const r = services.verify();
    return { ok: r.ok, checkedLinks: r.checkedLinks, workstations: r.workstations, problems: r.problems, moreProblems: r.moreProblems };
  },
  'integrity.status': (_input, { services }) => services.integrityStatus(),
};
