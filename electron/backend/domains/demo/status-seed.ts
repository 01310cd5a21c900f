import { v7 as uuidv7 } from 'uuid';
import type { SitrepFields } from '../../../../shared/contract';
import type { Discipline } from '../../../../shared/domain/disciplines';
import type { ReportSource } from '../../../../shared/domain/status-rules';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { draftRecord, prefill } from '../sitrep/draft';
import { getIncidentRow, getPeriodRow } from '../incident/queries';
import { typeByCode } from '../status/catalogue';
import { appendReport } from '../status/record';
import { createStatusRequest } from '../status/requests';
import type { DemoDirectory } from './directory-seed';
import { DEMO_INCIDENT_AGE_MS } from './incident';
import { actorOf } from './people';
import type { Rng } from './prng';

const MIN = 60_000;
const H = 60 * MIN;

export interface StatusSeedInput {
  workstationId: string;
  incidentId: string;
  periodId: string;
  dir: DemoDirectory;
  rng: Rng;
  now: number;
}

type Values = Record<string, number | string | boolean>;
interface Step {
  org: string;
  /** Minutes before loading when the facility gave it, and when it was typed in. */
  ago: number;
  typedAgo: number;
  values: Values;
  source: ReportSource;
  reportedBy?: string;
  note?: string;
  confirm?: string;
  request?: true;
}

const SITL = { name: 'Alexis Bancroft', code: 'SITL' as const };
const PSC = { name: 'Cameron Holbrook', code: 'PSC' as const };
const BEDS = ['adult_icu', 'medical_surgical', 'pediatrics', 'negative_isolation'] as const;
const BASELINE: Record<(typeof BEDS)[number], [number, number]> = { adult_icu: [8, 24], medical_surgical: [60, 220], pediatrics: [0, 24], negative_isolation: [2, 10] };

/**
 * The storm as the situation unit recorded it: hospitals' beds falling over twenty hours
 * as the surge arrives, one hospital on diversion, one on generator; a nursing home on
 * generator with its fuel running down and another evacuating; a dialysis centre closed
 * by the outage; a bed-availability request with two late hospitals and one that never
 * answered; values gone stale where a facility stopped reporting; and the period's
 * situation report drafted and approved. Every report goes through the status domain's
 * own write function, stamped as typed at its time (WriteTx.asOf).
 */
export function seedStatus(tx: WriteTx, db: Db, o: StatusSeedInput): { reports: number; requests: number } {
  const list = (d: Discipline) => o.dir.byDiscipline.get(d) ?? [];
  const hospitals = list('hospital');
  const ltc = list('long_term_care');
  const dialysis = list('dialysis');
  const steps: Step[] = [];
  const start = DEMO_INCIDENT_AGE_MS / MIN;
  const phone = (): ReportSource => o.rng.pick(['phone', 'phone', 'radio', 'email'] as const);
  const typed = (ago: number) => ago - o.rng.int(2, 12);

  // Hospitals: baselines with the first report, then beds drifting down by at most 2 a report.
  hospitals.forEach((h, i) => {
    const base = Object.fromEntries(BEDS.map((b) => [b, o.rng.int(...BASELINE[b])])) as Record<(typeof BEDS)[number], number>;
    const avail = Object.fromEntries(BEDS.map((b) => [b, Math.round(base[b] * (0.25 + o.rng.next() * 0.2))])) as Record<(typeof BEDS)[number], number>;
    const times = [start - 30 - i * 7, 900 - i * 9, 660 - i * 5, 420 - i * 6, 180 - i * 11, ...(i % 3 === 0 ? [50 - i] : [])];
    times.forEach((ago, k) => {
      if (i === 7 && k >= 3) return; // stops reporting: its values go stale, then overdue
      const values: Values = {};
      for (const b of BEDS) {
        if (k > 0) avail[b] = Math.max(0, Math.min(base[b], avail[b] + o.rng.int(-2, 1)));
        values[`beds.${b}.available`] = avail[b];
        if (k === 0) values[`beds.${b}.baseline`] = base[b];
      }
      values['vent.available'] = Math.max(0, 6 - k - (i % 3));
      if (k === 0 || k === 3) {
        values['ops.status'] = i === 4 && k === 3 ? 'compromised' : 'normal';
        values['power.source'] = i === 4 && k === 3 ? 'generator' : 'utility';
        values['staff.nursing'] = k === 3 && i % 2 === 1 ? 'insufficient' : 'adequate';
        values['ops.accepting_transfers'] = !(i === 4 && k === 3);
      }
      values['ed.status'] = 'open';
      values['ed.ems_traffic'] = i === 1 && k >= 3 ? 'diversion' : i === 6 && k === 4 ? 'advisory' : 'normal';
      if (i === 1 && k === 3) {
        values['ed.diversion_reason'] = 'ED boarding 22 admitted patients; CT scanner down after power surge';
        values['ed.diversion_until'] = o.now + 3 * H;
      }
      if (i === 4 && k === 3) values['power.fuel_hours'] = 72;
      steps.push({ org: h.id, ago, typedAgo: typed(ago), values, source: phone(), reportedBy: 'House supervisor', request: k === 3 && i !== 5 ? true : undefined });
    });
  });
  // A surge unit opened: a jump the duty officer confirmed with a reason.
  const surge = hospitals[2];
  if (surge) {
    steps.push({
      org: surge.id,
      ago: 120,
      typedAgo: 112,
      values: { 'beds.medical_surgical.available': 30 },
      source: 'phone',
      reportedBy: 'Nursing supervisor',
      confirm: 'Surge unit on 4 West opened at 12:00 with 24 staffed beds; confirmed with the nursing supervisor',
    });
  }

  // Long-term care: most report in the morning; one runs on generator; one evacuates.
  ltc.forEach((f, i) => {
    const beds = o.rng.int(0, 8);
    const census = o.rng.int(60, 140);
    const generator = i === 2;
    const evacuating = i === 6;
    const times = generator ? [960, 720, 480, 240, 60] : i % 4 === 3 ? [1080] : [1080, 700, 320];
    times.forEach((ago, k) => {
      const values: Values = { 'beds.ltc.available': Math.max(0, beds - k), 'ltc.census': census, 'ops.status': evacuating && k === 2 ? 'evacuating' : 'normal' };
      if (generator) Object.assign(values, { 'power.source': 'generator', 'power.fuel_hours': 48 - k * 9, 'util.hvac': k >= 3 ? 'compromised' : 'normal' });
      else values['power.source'] = 'utility';
      if (evacuating && k === 2) Object.assign(values, { 'evac.ambulatory': 34, 'evac.non_ambulatory': 21, 'evac.bariatric': 3, 'evac.ventilator': 1, 'power.source': 'none', 'util.hvac': 'out' });
      steps.push({ org: f.id, ago, typedAgo: typed(ago), values, source: phone(), reportedBy: 'Administrator on call', note: evacuating && k === 2 ? 'No heat since 04:00; moving residents to mutual aid partners' : undefined });
    });
  });

  dialysis.forEach((f, i) => {
    [1000, 540, 120].forEach((ago, k) => {
      const closed = i === 0 && k >= 1;
      steps.push({
        org: f.id,
        ago,
        typedAgo: typed(ago),
        values: {
          'ops.status': closed ? 'closed' : 'normal',
          'power.source': closed ? 'none' : 'utility',
          'dialysis.chairs_available': closed ? 0 : Math.max(0, 6 - k),
          'dialysis.patients_needing_placement': closed ? 18 - k * 4 : 0,
        },
        source: phone(),
        ...(closed && k === 1 ? { confirm: 'Centre closed: no power since the early morning; all chairs out of service', note: 'Patients redirected to the other centres' } : {}),
      });
    });
  });
  list('ems').forEach((f, i) => {
    [960, 480, 100 + i * 5].forEach((ago, k) => steps.push({ org: f.id, ago, typedAgo: typed(ago), values: { 'ops.status': 'normal', 'ems.units_available': Math.max(0, 5 - k - (i % 2)) }, source: 'radio' }));
  });
  list('public_health').forEach((f, i) => {
    [840, 300].forEach((ago, k) => steps.push({ org: f.id, ago, typedAgo: typed(ago), values: { 'ops.status': 'normal', 'ph.shelters_open': k + (i % 2) }, source: 'email' }));
  });
  list('community_health_center').forEach((f, i) => {
    steps.push({ org: f.id, ago: 800 - i * 20, typedAgo: 790 - i * 20, values: { 'ops.status': 'normal', 'power.source': i === 1 ? 'generator' : 'utility', 'power.fuel_hours': i === 1 ? 60 : 0, 'chc.accepting_patients': i !== 1 }, source: 'phone' });
  });

  // The bed-availability request at 6 hours before loading, due an hour later.
  const incident = getIncidentRow(db, o.incidentId)!;
  const types = typeByCode(db);
  const requestAgo = 440;
  const answerAgo = (i: number) => (i === 3 || i === 6 ? 360 - i * 2 : 425 - i * 3);
  for (const s of steps) {
    if (!s.request) continue;
    const i = hospitals.findIndex((h) => h.id === s.org);
    s.ago = answerAgo(i);
    s.typedAgo = s.ago - 6;
  }
  const sitl = (at: number) => tx.as(actorOf(o.workstationId, SITL)).asOf(at);
  const requestId = createStatusRequest(
    sitl(o.now - requestAgo * MIN + 30_000),
    db,
    {
      title: 'All hospitals: bed availability and ED status within the hour',
      message: 'Report available staffed beds by type, ventilators, ED status and EMS traffic, power and staffing.',
      typeIds: ['beds.adult_icu.available', 'beds.medical_surgical.available', 'ed.ems_traffic', 'vent.available'].map((c) => types.get(c)!.id),
      disciplines: ['hospital'],
      regions: [],
      organisationIds: [],
      deadline: o.now - (requestAgo - 60) * MIN,
      requestedAt: o.now - requestAgo * MIN,
    },
    o.incidentId,
    o.now,
  );

  let reports = 0;
  for (const s of [...steps].sort((a, b) => b.typedAgo - a.typedAgo)) {
    const occurredAt = o.now - s.ago * MIN;
    const values = Object.entries(s.values).map(([code, value]) => ({ typeId: types.get(code)!.id, value }));
    const w = sitl(o.now - s.typedAgo * MIN);
    appendReport(w, db, {
      organisationId: s.org,
      values,
      confirmations: [],
      ...(s.confirm ? { confirmAll: s.confirm } : {}),
      occurredAt,
      source: s.source,
      reportedBy: s.reportedBy ?? null,
      note: s.note ?? null,
      incidentId: occurredAt >= incident.started_at ? o.incidentId : null,
      statusRequestId: s.request ? requestId : null,
    });
    reports++;
  }

  // Period 1's situation report, drafted from the record and approved by the Planning Section Chief.
  const period = getPeriodRow(db, o.periodId)!;
  const asOf = o.now - 20 * MIN;
  const record = draftRecord(db, incident, incident.started_at, asOf);
  const fields = prefill(db, record, period);
  const psc = tx.as(actorOf(o.workstationId, PSC)).asOf(o.now - 15 * MIN);
  const approved: SitrepFields = {
    summary: `${fields.summary} Freezing rain has ended; crews restore power district by district, but long-term care and dialysis remain the priority through the night.`,
    needs12h: fields.needs12h || 'Diesel for long-term care generators; transport for the dialysis patients of the closed centre',
    needs24h: fields.needs24h || 'Staffed beds for evacuated long-term care residents',
    needs48h: fields.needs48h,
    needs72h: fields.needs72h,
    objectivesNext: fields.objectivesNext,
    prognosis: 'no_change',
  };
  const sitrepId = uuidv7();
  psc.put('sitreps', sitrepId, {
    incident_id: o.incidentId,
    period_id: o.periodId,
    summary: approved.summary,
    needs_12h: approved.needs12h,
    needs_24h: approved.needs24h,
    needs_48h: approved.needs48h,
    needs_72h: approved.needs72h,
    objectives_next: approved.objectivesNext,
    prognosis: approved.prognosis,
    record: JSON.stringify(record),
    drafted_at: asOf,
  });
  psc.appendFact('sitrep_versions', {
    sitrep_id: sitrepId,
    incident_id: o.incidentId,
    period_id: o.periodId,
    version: 1,
    supersedes_id: null,
    content: JSON.stringify({ fields: approved, record }),
    occurred_at: o.now - 15 * MIN,
  });
  return { reports, requests: 1 };
}
