import type { Discipline } from '../../../../shared/domain/disciplines';
import type { ExerciseType } from '../../../../shared/domain/aar-outline';
import { seedId } from '../../db/migrations/002-incidents';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { saveAction, setActionStatus } from '../aar/actions';
import { rate, reviewCandidate, saveObservation, setObjectiveCapabilities } from '../aar/analysis';
import { capabilityByCode } from '../aar/catalogue';
import { draftReport } from '../aar/draft';
import { recordFinal } from '../aar/issued';
import { listObjectives, observationRows } from '../aar/queries';
import { appendRevision, headsOf, revisionsOf } from '../aar/sections';
import { calendarDay } from '../directory/queries';
import { openExercise, saveExercise, saveParticipant, setAttendance, setObjectives } from '../exercise/writes';
import { closePeriod } from '../incident/periods';
import { getIncidentRow, listLevels, openPeriodRow } from '../incident/queries';
import type { DemoDirectory } from './directory-seed';
import { actorOf, type StaffCode } from './people';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const HPP_2023 = seedId('framework', 'hpp-2023');

export interface AarSeedInput {
  workstationId: string;
  incidentId: string;
  dir: DemoDirectory;
  now: number;
  timeZone: string;
}

/** The planners of the demo: the coalition's preparedness planner and the situation unit leader. */
const PLANNER = { name: 'Cameron Holbrook', code: 'PSC' as StaffCode };
const SITL = { name: 'Alexis Bancroft', code: 'SITL' as StaffCode };
const DIRECTOR = { name: 'Jesse Whitaker', code: 'IC' as StaffCode };

interface CalendarEntry {
  days: number;
  length?: number;
  title: string;
  type: ExerciseType;
  location: string;
  description: string;
  capabilities: string[];
  surge?: boolean;
  objectives?: { text: string; capabilities: string[] }[];
  roster?: [Discipline, number, string][];
}

/** A year of the coalition's training and exercises, days relative to loading. */
const CALENDAR: CalendarEntry[] = [
  { days: -300, title: 'DEMO: HICS refresher for hospital command staff', type: 'course', location: 'Baystate-area conference centre (demo)', description: 'One-day HICS refresher for hospital incident management teams.', capabilities: ['1'], roster: [['hospital', 0, 'Hospital command staff'], ['hospital', 1, 'Hospital command staff'], ['hospital', 2, 'Hospital command staff']] },
  { days: -180, title: 'DEMO: Redundant communications drill', type: 'drill', location: 'Coalition EOC and member sites', description: 'Every member checks in on the backup radio net and satellite phones.', capabilities: ['2'], roster: [['hospital', 0, 'Radio operator'], ['long_term_care', 0, 'Radio operator'], ['dialysis', 0, 'Radio operator'], ['emergency_management', 1, 'Net control']] },
  { days: -120, title: 'DEMO: Extreme heat seminar', type: 'seminar', location: 'Online', description: 'Heat-health risks for long-term care residents and home health clients.', capabilities: ['8'] },
  { days: -60, length: 3, title: 'DEMO: ICS-300 Intermediate ICS', type: 'course', location: 'County emergency management training room', description: 'ICS-300 for coalition EOC staff.', capabilities: ['1'] },
  { days: 45, title: 'DEMO: Winter dialysis continuity workshop', type: 'workshop', location: 'Coalition office', description: 'Dialysis providers, transport and public health agree how patients of a closed centre are treated elsewhere.', capabilities: ['6', '7'] },
  {
    days: 120,
    title: 'DEMO: Medical Response and Surge Exercise (MRSE)',
    type: 'functional',
    location: 'Coalition EOC and all acute care hospitals',
    description: 'The yearly HPP medical response and surge exercise: evacuate 20% of staffed acute-care beds across the coalition.',
    capabilities: ['1', '2', '3'],
    surge: true,
    objectives: [
      { text: 'Identify an appropriate receiving bed for every evacuating patient within 90 minutes of the first bed request.', capabilities: ['3'] },
      { text: 'Have every evacuating facility report its total patients to be evacuated within 60 minutes (PM17).', capabilities: ['2'] },
      { text: 'Stand up the coalition EOC and open operational period 1 within 45 minutes of notification.', capabilities: ['1'] },
    ],
    roster: [['hospital', 0, 'Evacuating hospital'], ['hospital', 1, 'Receiving hospital'], ['hospital', 2, 'Receiving hospital'], ['ems', 0, 'Transport'], ['public_health', 0, 'Public health']],
  },
  { days: 200, length: 2, title: 'DEMO: Mass casualty full-scale exercise with EMS', type: 'full_scale', location: 'Regional airport (demo)', description: 'Aircraft incident with 60 casualties distributed across coalition hospitals.', capabilities: ['3', '7'] },
];

/** The earlier exercise whose area for improvement recurs in the storm. */
const EARLIER: CalendarEntry = {
  days: -240,
  title: 'DEMO: Coalition surge tabletop',
  type: 'tabletop',
  location: 'Coalition EOC',
  description: 'Tabletop of a hospital evacuation during a regional power outage.',
  capabilities: ['1', '3', '5'],
  objectives: [
    { text: 'Source surge cots and generators for an evacuating hospital within 4 hours of an urgent request.', capabilities: ['5'] },
    { text: 'Collect bed availability from every acute care hospital and long-term care facility within 60 minutes.', capabilities: ['2'] },
  ],
  roster: [['hospital', 0, 'Evacuating hospital'], ['hospital', 1, 'Receiving hospital'], ['long_term_care', 0, 'Receiving facility'], ['ems', 0, 'Transport'], ['emergency_management', 1, 'County emergency management']],
};

const EARLIER_AFI = 'Urgent resource requests took longer than 4 hours to fill';

/**
 * The after-action side of the demonstration coalition: a year of training and exercises,
 * an earlier tabletop with its final report and improvement plan, and the storm's report
 * in progress (candidate observations from the record, two accepted, ratings under way,
 * corrective actions, one overdue, one recurring from the tabletop, and one section two
 * planners edited at once). Stamped through asOf like the rest of the demo.
 */
export function seedAar(tx: WriteTx, db: Db, o: AarSeedInput): { exercises: number; actions: number } {
  const as = (p: { name: string; code: StaffCode }, at: number) => tx.as(actorOf(o.workstationId, p)).asOf(at);
  const day = (ms: number) => calendarDay(ms, o.timeZone);
  const cap = (code: string) => capabilityByCode(db, HPP_2023, code)!.id;
  const member = (d: Discipline, i: number) => o.dir.byDiscipline.get(d)?.[i] ?? null;
  const planned = as(PLANNER, o.now - 330 * DAY);

  const plan = (e: CalendarEntry) => {
    const starts = o.now + e.days * DAY;
    const id = saveExercise(planned, db, {
      title: e.title,
      type: e.type,
      startsOn: day(starts),
      endsOn: day(starts + ((e.length ?? 1) - 1) * DAY),
      location: e.location,
      description: e.description,
      scenario: e === EARLIER ? 'A 10-hour regional power outage; a 180-bed hospital on failing generator power must move 40 patients.' : '',
      hazard: e === EARLIER ? 'Utility failure: extended power outage' : '',
      sponsor: 'Pioneer Valley & Berkshires Health Care Coalition (demo)',
      poc: `${PLANNER.name}, Preparedness Planner`,
      frameworkId: HPP_2023,
      capabilityIds: e.capabilities.map(cap),
      surgeExercise: e.surge ?? false,
      cancelled: false,
    });
    if (e.objectives) setObjectives(planned, db, { exerciseId: id, objectives: e.objectives.map((x) => ({ text: x.text, capabilityIds: x.capabilities.map(cap) })) });
    for (const [d, i, role] of e.roster ?? []) {
      const m = member(d, i);
      if (!m) continue;
      const pid = saveParticipant(planned, db, { exerciseId: id, organisationId: m.id, name: m.name, role });
      // Attendance is taken on the day for what has happened; one member missed the drill.
      if (e.days < 0) setAttendance(as(PLANNER, starts + 8 * HOUR), db, pid, !(d === 'dialysis'));
    }
    return { id, starts };
  };

  for (const e of CALENDAR) plan(e);

  // The surge tabletop, some eight months earlier: run as an exercise incident, closed, reported, its plan followed up.
  const earlier = plan(EARLIER);
  const level = listLevels(db)[0]!;
  const runAt = earlier.starts + 9 * HOUR;
  const earlierIncident = openExercise(as(PLANNER, runAt), db, { id: earlier.id, activationLevelId: level.id, periodHours: 4 });
  const closeAt = runAt + 4 * HOUR;
  const closing = as(PLANNER, closeAt);
  const open = openPeriodRow(db, earlierIncident);
  if (open) closePeriod(db, closing, getIncidentRow(db, earlierIncident)!, open.id, closeAt);
  closing.put('incidents', earlierIncident, { status: 'closed', closed_at: closeAt, closing_note: 'Tabletop complete; hot wash held.' });
  const reporting = as(PLANNER, runAt + 7 * DAY);
  const { reportId: earlierReport } = draftReport(reporting, db, getIncidentRow(db, earlierIncident)!, HPP_2023);
  const [obj1, obj2] = listObjectives(db, earlierReport);
  rate(reporting, db, { objectiveId: obj1!.id, capabilityId: cap('5'), rating: 'M' });
  rate(reporting, db, { objectiveId: obj2!.id, capabilityId: cap('2'), rating: 'S' });
  const slowAfi = saveObservation(reporting, db, {
    reportId: earlierReport,
    kind: 'afi',
    objectiveId: obj1!.id,
    capabilityId: cap('5'),
    title: EARLIER_AFI,
    reference: 'Coalition resource request procedure (ICS 213RR), urgent: 0-4 hours.',
    analysis: 'Players took 5 to 7 hours to source cots and a generator: vendors were called one at a time and none had a standing order with the coalition.',
    rootCause: 'No standing purchase agreements with regional vendors.',
  });
  const ltcAfi = saveObservation(reporting, db, {
    reportId: earlierReport,
    kind: 'afi',
    objectiveId: obj2!.id,
    capabilityId: cap('2'),
    title: 'Long-term care bed reports arrived after the 60-minute deadline',
    reference: 'Coalition information sharing procedure.',
    analysis: 'Four of nine long-term care facilities reported after 60 minutes; two had no 24/7 contact on file.',
    rootCause: 'After-hours contacts were out of date.',
  });
  const vendorAction = saveAction(reporting, db, {
    observationId: slowAfi,
    element: 'planning',
    action: 'Negotiate standing purchase agreements for surge cots and generators with two regional vendors.',
    responsibleOrgId: o.dir.coalitionOrgId,
    poc: PLANNER.name,
    startOn: day(runAt + 7 * DAY),
    dueOn: day(runAt + 90 * DAY),
  });
  const contactsAction = saveAction(reporting, db, {
    observationId: ltcAfi,
    element: 'organization',
    action: 'Confirm a 24/7 contact for every long-term care member and test it quarterly.',
    responsibleOrgId: member('long_term_care', 0)?.id ?? null,
    poc: 'Long-term care liaison',
    startOn: day(runAt + 7 * DAY),
    dueOn: day(runAt + 60 * DAY),
  });
  setActionStatus(as(PLANNER, runAt + 30 * DAY), db, { id: vendorAction, status: 'in_progress' }, day(runAt + 30 * DAY));
  // Signed as done with one vendor; the second never signed, so the issue came back in the storm.
  setActionStatus(as(PLANNER, runAt + 80 * DAY), db, { id: vendorAction, status: 'completed', note: 'Agreement signed with one cot vendor; generator vendor still negotiating.' }, day(runAt + 80 * DAY));
  setActionStatus(as(DIRECTOR, runAt + 85 * DAY), db, { id: contactsAction, status: 'in_progress' }, day(runAt + 85 * DAY));
  for (const s of ['summary', 'conclusion'] as const) {
    appendRevision(
      reporting,
      db,
      earlierReport,
      s,
      s === 'summary'
        ? 'Players evacuated the simulated hospital on paper in 3 hours 40 minutes; sourcing surge equipment and collecting long-term care bed reports were the slowest steps.'
        : 'The coalition can run an evacuation, but it depends on vendors and contacts it has not secured in advance.',
      [],
    );
  }
  // Written, then issued: a final report's text no longer changes.
  reporting.put('aar_reports', earlierReport, { status: 'final' });
  recordFinal(reporting, db, earlierReport);

  // The storm's report, in progress: drafted from the record an hour before loading.
  const incident = getIncidentRow(db, o.incidentId)!;
  const drafting = as(PLANNER, o.now - 60 * 60_000);
  const { reportId } = draftReport(drafting, db, incident, HPP_2023);
  const candidates = observationRows(db, reportId).filter((x) => x.status === 'candidate');
  const slow = candidates.find((x) => x.rule_key === 'requests.urgent-slow');
  const accepted = [slow, ...candidates.filter((x) => x !== slow)].filter(Boolean).slice(0, 2);
  for (const c of accepted) reviewCandidate(as(PLANNER, o.now - 55 * 60_000), db, c!.id, 'accept');
  const editing = as(PLANNER, o.now - 50 * 60_000);
  const objectives = listObjectives(db, reportId);
  const capsFor: string[][] = [['6', '5'], ['6'], ['3', '7'], ['8'], ['2'], ['2', '1']];
  objectives.forEach((x, i) => setObjectiveCapabilities(editing, db, x.id, (capsFor[i] ?? []).map(cap)));
  const ratings: [number, string, 'P' | 'S' | 'M' | 'U'][] = [[0, '6', 'S'], [0, '5', 'M'], [2, '3', 'S'], [5, '2', 'P'], [5, '1', 'P']];
  for (const [i, c, r] of ratings) if (objectives[i]) rate(editing, db, { objectiveId: objectives[i].id, capabilityId: cap(c), rating: r });
  const recurringAfi =
    slow?.id ??
    saveObservation(editing, db, { reportId, kind: 'afi', capabilityId: cap('5'), title: EARLIER_AFI, reference: 'Coalition resource request procedure (ICS 213RR).', analysis: 'See the request figures.' });
  saveObservation(editing, db, {
    reportId,
    id: recurringAfi,
    kind: 'afi',
    objectiveId: objectives[0]?.id ?? null,
    capabilityId: cap('5'),
    title: slow?.title ?? EARLIER_AFI,
    rootCause: 'The generator vendor agreement planned after the surge tabletop was never signed.',
  });
  saveObservation(editing, db, {
    reportId,
    kind: 'strength',
    objectiveId: objectives[5]?.id ?? null,
    capabilityId: cap('2'),
    title: 'The backup radio net reached every hospital within 30 minutes of the first outage',
    reference: 'Coalition communications plan, redundant communications annex.',
    analysis: 'The net control station checked in all hospitals on the first roll call; the drill six months earlier had fixed the two stations that failed then.',
  });
  const dialysisAfi = saveObservation(editing, db, {
    reportId,
    kind: 'afi',
    objectiveId: objectives[2]?.id ?? null,
    capabilityId: cap('3'),
    title: 'Transport for dialysis patients was arranged one centre at a time',
    reference: 'Regional dialysis continuity plan.',
    analysis: 'Each closed centre called transport providers on its own; three patients missed a treatment window.',
    rootCause: 'No single dispatcher for dialysis transport in the regional plan.',
  });
  const planning = as(PLANNER, o.now - 40 * 60_000);
  saveAction(planning, db, {
    observationId: recurringAfi,
    element: 'planning',
    action: 'Sign standing purchase agreements for generators and fuel, completing the surge tabletop action.',
    responsibleOrgId: o.dir.coalitionOrgId,
    poc: PLANNER.name,
    startOn: day(o.now),
    dueOn: day(o.now + 45 * DAY),
  });
  // Set at the first briefing to be done before the second night of the storm.
  const notice = saveAction(as(PLANNER, o.now - 18 * HOUR), db, {
    observationId: dialysisAfi,
    element: 'organization',
    action: 'Name one dispatcher for all dialysis transport while centres are closed.',
    responsibleOrgId: member('dialysis', 0)?.id ?? null,
    poc: 'Dialysis liaison',
    dueOn: day(o.now - DAY),
  });
  setActionStatus(as(SITL, o.now - 10 * HOUR), db, { id: notice, status: 'in_progress', note: 'Two providers agreed; the third has not answered.' }, day(o.now - 10 * HOUR));
  saveAction(planning, db, {
    observationId: dialysisAfi,
    element: 'exercise',
    action: 'Test the dialysis transport plan at the winter dialysis continuity workshop.',
    responsibleOrgId: o.dir.coalitionOrgId,
    poc: PLANNER.name,
    startOn: day(o.now + 30 * DAY),
    dueOn: day(o.now + 60 * DAY),
  });

  // Two planners edit the summary from the same draft: both versions stay until reconciled.
  const base = appendRevision(
    as(PLANNER, o.now - 45 * 60_000),
    db,
    reportId,
    'summary',
    'Freezing rain cut power to more than 100,000 customers. The coalition activated at partial level and kept members on generator power supplied.',
    headsOf(revisionsOf(db, reportId, 'summary')).map((h) => h.id),
  ).revisionId;
  appendRevision(as(PLANNER, o.now - 20 * 60_000), db, reportId, 'summary', 'Freezing rain cut power to more than 100,000 customers across three counties. The coalition activated at partial level; fuel and dialysis transport were the main pressures.', [base]);
  appendRevision(as(SITL, o.now - 15 * 60_000), db, reportId, 'summary', 'Freezing rain cut power to more than 100,000 customers. The coalition activated at partial level, kept every hospital on generator power and moved 40 long-term care residents.', [base]);
  if (headsOf(revisionsOf(db, reportId, 'summary')).length !== 2) throw new Error('The demo report should show two concurrent summaries');
  return { exercises: CALENDAR.length + 1, actions: 5 };
}
