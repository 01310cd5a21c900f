import type { MethodOutput } from '../../../../shared/contract';
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../../../../shared/domain/agreements';
import { normalizeKind } from '../../../../shared/domain/nims';
import type { Db } from '../../db/open';
import { coalitionToday, listAgreements } from '../directory/queries';
import { itemsOfKind } from '../inventory/queries';
import { fillsOf, linesOf } from './queries';

/**
 * The resource unit check: for each line, recorded stock of the same kind (available first)
 * and the agreements whose resources covered name the kind.
 */
export function sourcingOptions(db: Db, requestId: string, now: number): MethodOutput<'request.sourcingOptions'> {
  const fills = fillsOf(db, requestId).filter((f) => !f.withdrawn);
  const agreements = listAgreements(db, coalitionToday(db, now), DEFAULT_EXPIRY_WARNING_DAYS).filter((a) => a.standing !== 'expired' && a.standing !== 'not_yet_effective');
  return {
    lines: linesOf(db, requestId).map((l) => {
      const outstanding = Math.max(0, l.quantity - fills.filter((f) => f.line_id === l.id).reduce((n, f) => n + f.quantity, 0));
      const inventory = itemsOfKind(db, l.kind).map((i) => ({
        inventoryItemId: i.id,
        name: i.name,
        ownerOrganisationId: i.ownerOrganisationId,
        ownerName: i.ownerName,
        location: i.location,
        status: i.status,
        availableQuantity: i.status === 'not_available' ? 0 : i.availableQuantity,
        typeMatches: !l.type || !i.type || i.type === l.type,
      }));
      const key = normalizeKind(l.kind);
      return {
        lineId: l.id,
        lineNo: l.line_no,
        kind: l.kind,
        type: l.type,
        outstandingQuantity: outstanding,
        inventory,
        agreements: agreements
          .filter((a) => a.resourcesCovered.some((rc) => normalizeKind(rc) === key || key.includes(normalizeKind(rc)) || normalizeKind(rc).includes(key)))
          .map((a) => ({ agreementId: a.id, title: a.title, standing: a.standing, standingLabel: a.standingLabel })),
        coverableFromInventory: inventory.reduce((n, i) => n + i.availableQuantity, 0) >= outstanding,
      };
    }),
  };
}
