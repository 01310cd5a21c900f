import { DEFAULT_MEMBERSHIP, type Discipline } from '../../../../shared/domain/disciplines';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { calendarDay } from '../directory/queries';
import { putAgreement, putContact, putOrganisation } from '../directory/records';
import { DESCRIPTORS, FIRST_NAMES, LAST_NAMES, MIX, ROLES_BY_DISCIPLINE, SUFFIXES, TOWNS } from './places';
import type { Rng } from './prng';

export interface DemoDirectory {
  coalitionOrgId: string;
  byDiscipline: Map<Discipline, { id: string; name: string; town: string }[]>;
  contacts: number;
  agreements: number;
}

export const COALITION_ORG = 'Pioneer Valley & Berkshires Health Care Coalition (demo)';

/** About sixty members across the disciplines, each with one to three contacts. */
export function seedDirectory(tx: WriteTx, db: Db, rng: Rng, now: number, timeZone: string): DemoDirectory {
  const descriptors = [...DESCRIPTORS];
  let phone = 1;
  // 555-0100 to 555-0199 are reserved for fiction.
  const nextPhone = () => `413-555-01${String(phone++ % 100).padStart(2, '0')}`;
  const person = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const byDiscipline = new Map<Discipline, { id: string; name: string; town: string }[]>();
  let contacts = 0;

  const coalitionOrgId = putOrganisation(
    tx,
    db,
    undefined,
    { name: COALITION_ORG, shortName: 'PVB HCC', discipline: 'other', membership: 'core', region: 'Region 1', address: '100 Main St', town: 'Northampton', zip: '01060', notes: 'Demonstration data: a fictional coalition.' },
    true,
  );
  putContact(tx, db, undefined, { organisationId: coalitionOrgId, name: 'Coalition Duty Officer', role: 'Duty Officer', phone24x7: '413-555-0100', otherPhones: [], email: 'dutyofficer@example.org', radio: 'HMCC talkgroup 1' }, true);
  contacts++;

  for (const [discipline, count] of MIX) {
    const list: { id: string; name: string; town: string }[] = [];
    for (let i = 0; i < count; i++) {
      const place = rng.pick(TOWNS);
      const name = `${rng.take(descriptors)} ${rng.pick(SUFFIXES[discipline])}`;
      const id = putOrganisation(
        tx,
        db,
        undefined,
        {
          name,
          discipline,
          membership: DEFAULT_MEMBERSHIP[discipline],
          region: 'Region 1',
          address: `${rng.int(2, 990)} ${rng.pick(['Main St', 'Elm St', 'State St', 'Maple Ave', 'Mill Rd', 'Center St', 'River Rd', 'North St'])}`,
          town: place.town,
          zip: place.zip,
          notes: `Demonstration data (${place.county} County).`,
        },
        true,
      );
      list.push({ id, name, town: place.town });
      const roles = ROLES_BY_DISCIPLINE[discipline];
      const n = Math.min(roles.length, rng.int(1, 3));
      for (let c = 0; c < n; c++) {
        const who = person();
        putContact(
          tx,
          db,
          undefined,
          {
            organisationId: id,
            name: who,
            role: roles[c]!,
            phone24x7: nextPhone(),
            otherPhones: rng.next() < 0.4 ? [nextPhone()] : [],
            email: `${who.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
            radio: discipline === 'hospital' || discipline === 'ems' ? `MedNet channel ${rng.int(1, 8)}` : null,
          },
          true,
        );
        contacts++;
      }
    }
    byDiscipline.set(discipline, list);
  }

  // Agreements: two in force, one expiring within the warning window, one already expired.
  const day = (offsetDays: number) => calendarDay(now + offsetDays * 86_400_000, timeZone);
  const ids = (d: Discipline) => (byDiscipline.get(d) ?? []).map((o) => o.id);
  const agreements = [
    {
      title: 'Region 1 Hospital Mutual Aid Agreement (demo)',
      kind: 'mutual_aid' as const,
      partyIds: [coalitionOrgId, ...ids('hospital')],
      scope: 'Member hospitals lend staff, equipment and supplies to one another during a declared emergency, coordinated through the coalition.',
      resourcesCovered: ['Ventilator (portable)', 'N95 respirator', 'Registered nurse', 'Hospital bed (portable)'],
      effectiveOn: day(-700),
      expiresOn: day(400),
      documentRef: 'Binder 2, tab A (demo)',
    },
    {
      title: 'Valley Long-Term Care Mutual Aid Plan (demo)',
      kind: 'mutual_aid' as const,
      partyIds: [coalitionOrgId, ...ids('long_term_care')],
      scope: 'Long-term care members accept evacuated residents and share surge supplies.',
      resourcesCovered: ['Surge cot', 'Evacuation sled', 'Wheelchair', 'N95 respirator'],
      effectiveOn: day(-1000),
      expiresOn: day(21),
      documentRef: 'LTC-MAP-2023.pdf (demo)',
    },
    {
      title: 'Coalition Cache PPE Distribution MOU (demo)',
      kind: 'mou' as const,
      partyIds: [coalitionOrgId, ...ids('public_health').slice(0, 4)],
      scope: 'Public health districts receive and distribute coalition cache PPE to members on request.',
      resourcesCovered: ['N95 respirator', 'Surgical mask', 'Isolation gown'],
      effectiveOn: day(-1100),
      expiresOn: day(-45),
      documentRef: 'MOU-PPE-2022.pdf (demo)',
    },
    {
      title: 'Regional Ambulance Strike Team MOU (demo)',
      kind: 'mou' as const,
      partyIds: [coalitionOrgId, ...ids('ems')],
      scope: 'EMS members staff ambulance strike teams for facility evacuation on request of the coalition.',
      resourcesCovered: ['Ambulance strike team', 'Ambulance (ground)', 'Ambulance bus'],
      effectiveOn: day(-400),
      expiresOn: null,
      documentRef: 'EMS-AST-MOU.pdf (demo)',
    },
    {
      title: 'Emergency Generator Loan MOU (demo)',
      kind: 'mou' as const,
      partyIds: [coalitionOrgId, ...ids('emergency_management')],
      scope: 'Emergency management agencies lend mobile generators and light towers to members that lose power.',
      resourcesCovered: ['Generator (mobile)', 'Light tower'],
      effectiveOn: day(-200),
      expiresOn: day(530),
      documentRef: 'GEN-MOU.pdf (demo)',
    },
  ];
  for (const a of agreements) putAgreement(tx, db, undefined, { ...a, notes: 'Demonstration data.' }, true);
  return { coalitionOrgId, byDiscipline, contacts, agreements: agreements.length };
}
