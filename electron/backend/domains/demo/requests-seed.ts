import type { Discipline } from '../../../../shared/domain/disciplines';
import type { PositionLike } from '../../../../shared/domain/request-state';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { requestRow } from '../request/queries';
import { createRequest, type RequestorFields } from '../request/records';
import { applyStep, type Step } from '../request/steps';
import type { DemoDirectory } from './directory-seed';

/** How long after a step happened the demo's duty officer typed it in. */
const TYPED_AFTER_MS = 40_000;

/** The demo's steps are taken as the coalition duty officer, who may take every 213RR step. */
const DUTY_OFFICER: PositionLike = { code: 'HCCDO', title: 'Coalition Duty Officer', section: 'Coalition', custom: false };
const MIN = 60_000;

type StepSpec = { ago: number } & Record<string, unknown> & { action: Step['action'] };

interface Scenario {
  from: [Discipline, number];
  priority: RequestorFields['priority'];
  createdAgo: number;
  lines: { quantity: number; kind: string; type?: string; description: string; arrivalIn?: number }[];
  steps: StepSpec[];
  requester: [string, string];
}

/**
 * An incident in progress: requests at every stage, some overdue, so the board, the charts
 * and the inventory have something to show. Times are minutes before loading.
 */
function scenarios(inv: Map<string, string>, dir: DemoDirectory): Scenario[] {
  const cacheN95 = inv.get('Coalition cache N95 respirators')!;
  const cacheVents = inv.get('Coalition cache portable ventilators')!;
  const cots = inv.get('Coalition cache surge cots')!;
  const sleds = inv.get('Coalition cache evacuation sleds')!;
  const gens = inv.get('Mobile generators (60 kW)')!;
  const hospital = (i: number) => dir.byDiscipline.get('hospital')![i]!.id;
  const src = (kind: string, extra: Record<string, string>) => ({ kind, ...extra });
  const toApproval = (t: number): StepSpec[] => [{ action: 'submit', ago: t }];
  const toSourcing = (t: number): StepSpec[] => [...toApproval(t), { action: 'approve', ago: t - 10 }, { action: 'check_resources', ago: t - 20, findings: 'Checked the coalition cache and member stock.' }];
  return [
    { from: ['long_term_care', 0], priority: 'urgent', createdAgo: 190, requester: ['Avery Thayer', 'Director of Nursing'],
      lines: [{ quantity: 400, kind: 'N95 respirator', description: 'Fit-tested N95, regular and small', arrivalIn: -30 }], steps: toApproval(180) },
    { from: ['hospital', 3], priority: 'urgent', createdAgo: 300, requester: ['Jordan Hollis', 'Emergency Manager'],
      lines: [{ quantity: 6, kind: 'Ventilator (portable)', description: 'Transport-capable, with circuits' }],
      steps: [...toSourcing(290), { action: 'source', ago: 250, line: 0, quantity: 4, source: src('inventory', { inventoryItemId: cacheVents }), orderNumber: 'R1-0412', orderPlacedBy: 'SPUL' }] },
    { from: ['dialysis', 0], priority: 'urgent', createdAgo: 420, requester: ['Casey Merrick', 'Facility Administrator'],
      lines: [{ quantity: 1, kind: 'Generator (mobile)', type: '2', description: '60 kW with cabling for a 480 V transfer switch' }],
      steps: [...toSourcing(410), { action: 'source', ago: 380, line: 0, quantity: 1, source: src('inventory', { inventoryItemId: gens }), orderNumber: 'R1-0398' },
        { action: 'send_to_finance', ago: 370 }, { action: 'finance_approve', ago: 350 }, { action: 'mark_en_route', ago: 340, eta: -20 }] },
    { from: ['long_term_care', 1], priority: 'routine', createdAgo: 150, requester: ['Morgan Ellery', 'Administrator'],
      lines: [{ quantity: 40, kind: 'Surge cot', description: 'For residents moved to the dining hall' }], steps: [...toApproval(140), { action: 'approve', ago: 120 }] },
    { from: ['long_term_care', 2], priority: 'urgent', createdAgo: 600, requester: ['Riley Carver', 'Administrator'],
      lines: [{ quantity: 1, kind: 'Ambulance strike team', type: '2', description: 'Evacuation of 22 residents to a receiving facility' }],
      steps: [...toSourcing(590), { action: 'source', ago: 560, line: 0, quantity: 1, source: src('member', { organisationId: dir.byDiscipline.get('ems')![1]!.id }), supplierContact: '413-555-0177' },
        { action: 'send_to_finance', ago: 550 }, { action: 'finance_approve', ago: 540 }] },
    { from: ['home_health', 0], priority: 'routine', createdAgo: 45, requester: ['Parker Upham', 'Agency Director'],
      lines: [{ quantity: 600, kind: 'Isolation gown', description: 'Universal size' }], steps: [] },
    { from: ['community_health_center', 1], priority: 'routine', createdAgo: 900, requester: ['Sage Kimball', 'Chief Operating Officer'],
      lines: [{ quantity: 20, kind: 'Oxygen cylinder (E)', description: 'Full E cylinders with regulators' }],
      steps: [...toSourcing(890), { action: 'source', ago: 860, line: 0, quantity: 20, source: src('member', { organisationId: dir.byDiscipline.get('community_health_center')![0]!.id }) },
        { action: 'send_to_finance', ago: 850 }, { action: 'finance_approve', ago: 840 }, { action: 'mark_en_route', ago: 820, eta: 700 }, { action: 'receive', ago: 700, receivedBy: 'Front desk' }] },
    { from: ['behavioral_health', 1], priority: 'low', createdAgo: 500, requester: ['Quinn Dunmore', 'Program Director'],
      lines: [{ quantity: 2, kind: 'Behavioral health team', description: 'Support for staff at the warming centre' }],
      steps: [...toApproval(490), { action: 'return_for_changes', ago: 470, reason: 'Say which warming centre and for how many days' }] },
    { from: ['hospital', 4], priority: 'low', createdAgo: 1100, requester: ['Harper Lowell', 'Director of Materials Management'],
      lines: [{ quantity: 50, kind: 'Decedent pouch', description: 'Adult size' }],
      steps: [...toSourcing(1090), { action: 'source', ago: 1060, line: 0, quantity: 50, source: src('state', { agency: 'MDPH Resource Request Unit (demo)' }), orderNumber: 'MDPH-22817' },
        { action: 'send_to_finance', ago: 1050 }, { action: 'finance_approve', ago: 1040 }, { action: 'receive', ago: 900 }, { action: 'close', ago: 880 }] },
    { from: ['public_health', 2], priority: 'low', createdAgo: 700, requester: ['Kendall Oakes', 'Public Health Director'],
      lines: [{ quantity: 100, kind: 'Hand sanitizer', description: 'Cases for shelters' }],
      steps: [...toApproval(690), { action: 'deny', ago: 660, reason: 'Shelters are supplied by mass care; contact the Red Cross liaison' }] },
    { from: ['urgent_care', 0], priority: 'urgent', createdAgo: 240, requester: ['Blake Rowley', 'Clinic Manager'],
      lines: [{ quantity: 500, kind: 'N95 respirator', description: 'Regular size' }],
      steps: [...toSourcing(230), { action: 'source', ago: 205, line: 0, quantity: 300, source: src('inventory', { inventoryItemId: cacheN95 }) },
        { action: 'source', ago: 200, line: 0, quantity: 200, source: src('member', { organisationId: hospital(0) }), supplierName: 'Materials management' }, { action: 'send_to_finance', ago: 195 }] },
    { from: ['pharmacy', 2], priority: 'routine', createdAgo: 800, requester: ['Emery Ingram', 'Pharmacist in Charge'],
      lines: [{ quantity: 20, kind: 'Bottled water', description: 'For staff' }], steps: [...toApproval(790), { action: 'cancel', ago: 780, reason: 'Water service restored' }] },
    { from: ['long_term_care', 3], priority: 'urgent', createdAgo: 1000, requester: ['Jamie Whitcomb', 'Director of Nursing'],
      lines: [{ quantity: 12, kind: 'Evacuation sled', description: 'For a second-floor evacuation' }, { quantity: 20, kind: 'Surge cot', description: 'At the receiving facility' }],
      steps: [...toSourcing(990), { action: 'source', ago: 965, line: 0, quantity: 12, source: src('inventory', { inventoryItemId: sleds }) },
        { action: 'source', ago: 962, line: 1, quantity: 20, source: src('inventory', { inventoryItemId: cots }) }, { action: 'send_to_finance', ago: 958 },
        { action: 'finance_approve', ago: 950 }, { action: 'mark_en_route', ago: 945, eta: 930 }, { action: 'receive', ago: 925 }, { action: 'assign', ago: 920, assignedTo: 'Second-floor evacuation team' },
        { action: 'release', ago: 600, releasedTo: 'Coalition cache' }] },
  ];
}

/** A request the demo created, for the incident's record to refer to (in scenario order). */
export interface SeededRequest {
  id: string;
  number: string;
  organisation: { id: string; name: string; town: string };
  requester: [string, string];
  createdAt: number;
}

/**
 * The requests and their steps, attributed to whoever `tx` is acting as (the demo's duty
 * officer, who may take every 213RR step).
 */
export function seedRequests(tx: WriteTx, db: Db, dir: DemoDirectory, inv: Map<string, string>, incidentId: string, now: number): SeededRequest[] {
  const list = scenarios(inv, dir);
  const out: SeededRequest[] = [];
  for (const s of list) {
    const org = dir.byDiscipline.get(s.from[0])![s.from[1]]!;
    // Each step is stamped as typed shortly after it happened (see WriteTx.asOf).
    const id = createRequest(
      tx.asOf(now - s.createdAgo * MIN + TYPED_AFTER_MS),
      db,
      {
        incidentId,
        requestingOrganisationId: org.id,
        requestedByName: s.requester[0],
        requestedByPosition: s.requester[1],
        requestedByContact: null,
        priority: s.priority,
        deliveryLocation: `${org.name}, ${org.town} (loading dock)`,
        substitutes: null,
        notes: 'Demonstration data.',
        lines: s.lines.map((l) => ({
          quantity: l.quantity,
          kind: l.kind,
          type: l.type ?? null,
          description: l.description,
          requestedArrival: l.arrivalIn === undefined ? null : now + l.arrivalIn * MIN,
        })),
      },
      { demo: true, at: now - s.createdAgo * MIN },
    );
    const lineIds = (db.prepare('SELECT id FROM request_lines WHERE request_id = ? ORDER BY line_no').all(id) as { id: string }[]).map((r) => r.id);
    for (const st of s.steps) {
      const { ago, line, eta, ...rest } = st as StepSpec & { line?: number; eta?: number };
      const step = {
        ...rest,
        id,
        occurredAt: now - ago * MIN,
        ...(line !== undefined ? { lineId: lineIds[line]! } : {}),
        ...(eta !== undefined ? { eta: now - eta * MIN } : {}),
      } as unknown as Step;
      applyStep(tx.asOf(now - ago * MIN + TYPED_AFTER_MS), db, step, DUTY_OFFICER);
    }
    out.push({ id, number: requestRow(db, id)!.number, organisation: org, requester: s.requester, createdAt: now - s.createdAgo * MIN });
  }
  return out;
}
