import type { DecisionLink, Message } from '../../../../shared/contract';
import type { Discipline } from '../../../../shared/domain/disciplines';
import type { DEFAULT_CATEGORIES, EntrySource } from '../../../../shared/domain/incident-rules';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { appendDecision } from '../decision/record';
import { getDecision } from '../decision/queries';
import { contactsOf } from '../directory/queries';
import { appendTick } from '../incident/checklists';
import { staffPosition, updatePeriodBlocks } from '../incident/periods';
import { getIncidentRow, getPeriodRow, listChecklist } from '../incident/queries';
import { formatLocal } from '../incident/time';
import { appendEntry, appendProposal, appendReview } from '../log/append';
import { getEntry } from '../log/queries';
import { appendMessage, appendReply } from '../message/append';
import { getMessage } from '../message/queries';
import { positionByCode } from '../session/queries';
import type { DemoDirectory } from './directory-seed';
import { DEMO_INCIDENT_AGE_MS } from './incident';
import { actorOf, positionTitle, staffOf, type StaffCode } from './people';
import type { Rng } from './prng';
import type { SeededRequest } from './requests-seed';

const MIN = 60_000;

export interface RecordCounts {
  logEntries: number;
  decisions: number;
  messages: number;
  significantEvents: number;
  checklistTicks: number;
}

export interface RecordInput {
  workstationId: string;
  incidentId: string;
  periodId: string;
  dir: DemoDirectory;
  requests: readonly SeededRequest[];
  rng: Rng;
  now: number;
  timeZone: string;
}

type Category = (typeof DEFAULT_CATEGORIES)[number];
type Link = ['entry' | 'message' | 'decision', string] | ['request', number];

/**
 * The incident's record over the twenty hours since the storm began: period 1 staffed and
 * its ICS 202 filled in, checklist items ticked, ICS 214 entries in every position's log
 * (some typed in from phone and radio after the fact, one corrected), significant events
 * proposed and reviewed, decisions with their options and a superseded one, and ICS 213
 * messages in and out with replies. Everything goes through the domains' own write
 * functions, attributed to the fictional person holding the position.
 *
 * The script below is in story order. Times are minutes before loading: `ago` is when it
 * happened, `rec` when it was typed in (later for transcriptions and late entries). The
 * steps run in `rec` order, so a decision's situation snapshot counts what had been
 * recorded by then, and a correction, proposal or review follows what it refers to.
 * Each row is stamped as recorded at its `rec` time (WriteTx.asOf), so the demo reads as
 * typed over the twenty hours; the demo.loaded audit entry keeps the true load time.
 */
export function seedRecord(tx: WriteTx, db: Db, o: RecordInput): RecordCounts {
  const incident = getIncidentRow(db, o.incidentId)!;
  const period = getPeriodRow(db, o.periodId)!;
  const org = (d: Discipline, i: number) => {
    const list = o.dir.byDiscipline.get(d);
    if (!list?.[i]) throw new Error(`The demo directory has no ${d} number ${i}`);
    return list[i];
  };
  const staff = staffOf((d, i) => org(d, i).name);
  const person = (code: StaffCode) => staff.find((p) => p.code === code)!;
  // Each step is stamped as typed at its own time in the story, not at load (see WriteTx.asOf).
  let typedAt = o.now - 1168 * MIN;
  const as = (code: StaffCode) => tx.as(actorOf(o.workstationId, person(code))).asOf(typedAt);
  const position = (code: StaffCode) => {
    const p = positionByCode(db, code);
    if (!p) throw new Error(`The demo needs the standard position ${code}`);
    return p;
  };
  const contact = (d: Discipline, i: number) => {
    const c = contactsOf(db, org(d, i).id)[0];
    return { name: c?.name ?? 'Unknown', role: c?.role ?? 'Contact' };
  };

  // Times: a few seconds off the minute (seeded), so the record does not look machine-made.
  const at = (ago: number) => {
    if (ago < 1 || ago * MIN >= DEMO_INCIDENT_AGE_MS) throw new Error(`Demo record time ${ago} minutes ago is outside the incident`);
    return o.now - ago * MIN - o.rng.int(0, 50) * 1000;
  };
  const clock = (ago: number) => formatLocal(o.now - ago * MIN, o.timeZone, false).slice(11);

  // Period 1: who holds each position (the Incident Commander staffed it) and ICS 202 blocks 4-8.
  for (const p of staff) {
    staffPosition(db, as('IC'), period, position(p.code).id, { holderName: p.name, homeAgency: p.homeAgency, contact: p.contact });
  }
  updatePeriodBlocks(as('PSC'), period.id, {
    commandEmphasis:
      'Life safety of people who depend on power: long-term care residents, dialysis patients and home oxygen users. Generator fuel before anything else. ' +
      'Staff and volunteers travel only on open roads and never drive under or over downed lines.',
    situationalAwareness:
      '0.5 to 0.75 inch of ice; overnight lows 18 to 25 °F. More than 100,000 customers lost power at the peak; restoration 24 to 72 hours depending on the town. ' +
      'Route 9 (Goshen to Cummington) and Route 112 (Huntington) closed; Route 20 icy in Lee. One fuel tanker for the region until roads clear.',
    siteSafetyPlanRequired: false,
    preparedBy: `${person('PSC').name}, ${positionTitle('PSC')}`,
    approvedBy: `${person('IC').name}, ${positionTitle('IC')}`,
  });

  const steps: { rec: number; order: number; run: () => void }[] = [];
  const schedule = (rec: number, run: () => void) => steps.push({ rec, order: steps.length, run });
  const ids = new Map<string, string>();
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`Demo record "${key}" is referred to before it is recorded`);
    return id;
  };
  const counts: RecordCounts = { logEntries: 0, decisions: 0, messages: 0, significantEvents: 0, checklistTicks: 0 };

  const entry = (key: string, e: { ago: number; rec?: number; by: StaffCode; cat: Category; source?: EntrySource; text: string }) => {
    const occurredAt = at(e.ago);
    schedule(e.rec ?? e.ago, () => {
      ids.set(
        key,
        appendEntry(as(e.by), { incidentId: incident.id, positionId: position(e.by).id, category: e.cat, text: e.text, occurredAt, source: e.source ?? 'direct' }),
      );
      counts.logEntries++;
    });
  };
  /** A correction is a new entry about the same event, linked to the original (as log.correct writes it). */
  const correct = (key: string, of: string, c: { rec: number; by: StaffCode; text: string }) =>
    schedule(c.rec, () => {
      const original = getEntry(db, idOf(of))!;
      ids.set(
        key,
        appendEntry(as(c.by), {
          incidentId: original.incidentId,
          positionId: original.positionId,
          category: original.category,
          text: c.text,
          occurredAt: original.occurredAt,
          source: original.source,
          correctsId: original.id,
        }),
      );
      counts.logEntries++;
    });
  const propose = (of: string, p: { rec: number; by: StaffCode; note?: string }) => {
    const occurredAt = at(p.rec);
    schedule(p.rec, () => {
      ids.set(`proposal:${of}`, appendProposal(as(p.by), { incidentId: incident.id, entryId: idOf(of), proposerPositionId: position(p.by).id, note: p.note, occurredAt }));
    });
  };
  /** Reviews are the Situation Unit Leader's, the incident's board approver. */
  const review = (of: string, r: { rec: number; approve: boolean; note?: string }) => {
    const occurredAt = at(r.rec);
    schedule(r.rec, () => {
      const approver = position('SITL');
      if (!(JSON.parse(incident.board_approvers) as string[]).includes(approver.id)) throw new Error('The demo expects the Situation Unit Leader to keep the board');
      appendReview(as('SITL'), {
        incidentId: incident.id,
        proposalId: idOf(`proposal:${of}`),
        entryId: idOf(of),
        approve: r.approve,
        approverPositionId: approver.id,
        note: r.note,
        occurredAt,
      });
      if (r.approve) counts.significantEvents++;
    });
  };
  const tick = (code: StaffCode, startsWith: string, t: { rec: number; note?: string }) => {
    const occurredAt = at(t.rec);
    schedule(t.rec, () => {
      const item = listChecklist(db, incident.id, position(code).id).find((i) => i.text.startsWith(startsWith));
      if (!item) throw new Error(`The power outage template has no ${code} checklist item "${startsWith}"`);
      appendTick(as(code), { item, done: true, note: t.note, occurredAt });
      counts.checklistTicks++;
    });
  };
  type MessageFields = Pick<Message, 'direction' | 'via' | 'priority' | 'toName' | 'toPosition' | 'fromName' | 'fromPosition' | 'subject' | 'body'> & {
    approvedByName?: string;
    approvedByPosition?: string;
  };
  const message = (key: string, m: { ago: number; rec?: number; by: StaffCode } & MessageFields) => {
    const { ago, rec, by, ...fields } = m;
    const messageAt = at(ago);
    schedule(rec ?? ago, () => {
      ids.set(key, appendMessage(as(by), { ...fields, incidentId: incident.id, positionId: position(by).id, messageAt }));
      counts.messages++;
    });
  };
  const reply = (of: string, r: { ago: number; rec?: number; by: StaffCode; text: string; name?: string; position?: string }) => {
    const repliedAt = at(r.ago);
    schedule(r.rec ?? r.ago, () => {
      const m = getMessage(db, idOf(of))!;
      if (repliedAt < m.messageAt) throw new Error(`Demo reply to "${of}" comes before the message`);
      appendReply(as(r.by), {
        incidentId: incident.id,
        messageId: m.id,
        reply: r.text,
        repliedByName: r.name ?? person(r.by).name,
        repliedByPosition: r.position ?? positionTitle(r.by),
        repliedAt,
      });
    });
  };
  const decision = (
    key: string,
    d: {
      ago: number;
      rec: number;
      by: StaffCode;
      title: string;
      decision: string;
      options: [string, boolean][];
      rationale: string;
      authority: string;
      links: Link[];
      supersedes?: string;
    },
  ) => {
    const decidedAt = at(d.ago);
    const snapshotAt = Math.max(decidedAt, o.now - d.rec * MIN);
    schedule(d.rec, () => {
      const links: DecisionLink[] = d.links.map(([type, ref]) => (type === 'request' ? { type, id: o.requests[ref]!.id } : { type, id: idOf(ref) }));
      for (const l of links) {
        const when =
          l.type === 'entry' ? getEntry(db, l.id)!.occurredAt
          : l.type === 'message' ? getMessage(db, l.id)!.messageAt
          : l.type === 'decision' ? getDecision(db, l.id)!.decidedAt
          : o.requests.find((r) => r.id === l.id)!.createdAt;
        if (when > decidedAt) throw new Error(`Demo decision "${key}" cites a record from after it was made`);
      }
      ids.set(
        key,
        appendDecision(
          db,
          as(d.by),
          incident,
          {
            title: d.title,
            decision: d.decision,
            options: d.options.map(([text, chosen]) => ({ text, chosen })),
            rationale: d.rationale,
            authority: d.authority,
            madeByName: person(d.by).name,
            maker: position(d.by),
            decidedAt,
            links,
            supersedesId: d.supersedes ? idOf(d.supersedes) : null,
          },
          snapshotAt,
        ),
      );
      counts.decisions++;
    });
  };

  // Names from the demo directory (drawn from the seed) and the requests seeded before.
  const H = (i: number) => org('hospital', i).name;
  const L = (i: number) => org('long_term_care', i).name;
  const D = (i: number) => org('dialysis', i).name;
  const HH = (i: number) => org('home_health', i).name;
  const EM = (i: number) => org('emergency_management', i).name;
  const EMS = (i: number) => org('ems', i).name;
  const PH = (i: number) => org('public_health', i).name;
  const CHC = (i: number) => org('community_health_center', i).name;
  const MRC = (i: number) => org('other', i).name;
  const town = (d: Discipline, i: number) => org(d, i).town;
  const rq = (i: number) => {
    const r = o.requests[i];
    if (!r) throw new Error(`The demo has no request number ${i + 1}`);
    return r;
  };
  const name = (code: StaffCode) => person(code).name;
  const AUTH_IC = 'Incident Commander, coalition partial activation (Coalition Concept of Operations, demo: allocation of member capacity)';
  const AUTH_FUEL = 'Logistics Section Chief, delegated by the Incident Commander (period 1 ICS 202, objective 1)';
  const STATE = { name: 'Sam Okafor', position: 'ESF-8 Duty Officer, MDPH (demo)' };

  // ---- The first hours: activation, first status returns, the Wildflower second floor ----
  entry('activation', {
    ago: 1195, by: 'HCCDO', cat: 'Situation',
    text: 'Coalition activated at Partial activation for the ice storm. NWS ice storm warning for Berkshire, Hampshire and Hampden counties for the next 24 hours: 0.5 to 0.75 inch of ice, temperatures in the low 20s °F. Utility outage map shows 38,400 customers out in the region and rising.',
  });
  propose('activation', { rec: 1185, by: 'HCCDO', note: 'Start of the coalition activation' });
  entry('alert', {
    ago: 1188, by: 'HCCDO', cat: 'Communications',
    text: `Health alert sent to all 61 members by HHAN and email: report facility system status (HICS 251: power source, generator hours of fuel, heat, water, communications) by ${clock(1068)} and every 6 hours after.`,
  });
  entry('state-notified', {
    ago: 1182, rec: 1176, by: 'HCCDO', cat: 'Communications', source: 'phone',
    text: 'Notified the MDPH ESF-8 duty officer and the regional emergency management director of the activation. State EOC at monitoring; state ESF-8 asks for a situation report every 6 hours.',
  });
  tick('HCCDO', 'Notify state ESF-8', { rec: 1175, note: 'MDPH ESF-8 duty officer and the regional EM director, by phone' });
  entry('command', {
    ago: 1170, by: 'IC', cat: 'Staffing',
    text: `Assumed incident command at the coalition EOC, Northampton, from the duty officer. Period 1: ${name('SITL')} (Situation), ${name('INFRA')} (Infrastructure) and ${name('COML')} (Communications) on site; ${name('PSC')}, ${name('LSC')}, ${name('MTS')} and ${name('LOFR')} on the way, roads slow. ${name('HCCDO')} stays on as duty officer.`,
  });
  entry('birchwood', {
    ago: 1150, rec: 1144, by: 'SITL', cat: 'Facility status', source: 'phone',
    text: `${H(5)} (${town('hospital', 5)}): on generator since ${clock(1166)}; 60 hours of diesel on site; ED open, no diversion; heat normal.`,
  });
  entry('athol-north', {
    ago: 1146, by: 'SITL', cat: 'Facility status',
    text: `${H(7)} (${town('hospital', 7)}): on generator, 52 hours of fuel. ${H(6)} (${town('hospital', 6)}): on grid power with flickers; generator tested and ready.`,
  });
  tick('HCCDO', 'Poll members for facility system status', { rec: 1140, note: 'First HICS 251 returns in from the hospitals' });
  entry('wildflower-switch', {
    ago: 1132, rec: 1124, by: 'INFRA', cat: 'Facility status', source: 'phone',
    text: `${L(3)} (${town('long_term_care', 3)}): lost grid power at ${clock(1140)}. Generator running, but the transfer switch for the second-floor wing failed: no heat or outlets on the second floor, 31 residents there. Their electrical contractor is on the way.`,
  });
  review('activation', { rec: 1130, approve: true });
  propose('wildflower-switch', { rec: 1118, by: 'INFRA', note: 'Long-term care residents without heat' });
  entry('co-advisory', {
    ago: 1110, by: 'MTS', cat: 'Safety',
    text: 'Carbon monoxide advisory sent to members and the public health districts: no generators, grills or camp stoves indoors or in garages; check CO detectors in resident areas; EDs to report CO exposures to the Situation Unit.',
  });
  correct('birchwood-fix', 'birchwood', {
    rec: 1102, by: 'SITL',
    text: `${H(5)} (${town('hospital', 5)}): 16 hours of diesel on site, not 60 (misheard on the phone; confirmed on a callback to the facilities manager). On generator since ${clock(1166)}; ED open, no diversion; heat normal.`,
  });
  review('wildflower-switch', { rec: 1100, approve: true });
  entry('warming-centres', {
    ago: 1095, rec: 1088, by: 'LOFR', cat: 'Communications', source: 'email',
    text: `Public health districts report town warming centres open in Pittsfield, Northampton and Palmer. ${PH(2)} asks whether the coalition can provide medical support at the Palmer centre.`,
  });
  entry('cache-check', {
    ago: 1080, by: 'SPUL', cat: 'Resource',
    text: 'Coalition cache, Northampton warehouse, checked and ready: 80 evacuation sleds, 250 surge cots, 12 portable ventilators, 24,000 N95; the warehouse is on generator power with 70 hours of fuel.',
  });
  entry('utility-1', {
    ago: 1060, by: 'SITL', cat: 'Situation',
    text: `Utility liaison: 112,000 customers out region-wide. Restoration estimate 48 to 72 hours for the hill towns, 24 to 36 hours for Springfield and Holyoke. Freezing rain expected to continue until about ${clock(900)}.`,
  });
  tick('HCCDO', 'Obtain restoration estimates', { rec: 1058, note: 'Utility liaison by phone: 48 to 72 hours in the hill towns' });
  propose('utility-1', { rec: 1055, by: 'PSC', note: 'Scale of the outage' });
  review('utility-1', { rec: 1050, approve: true });
  entry('radio-net', {
    ago: 1040, by: 'COML', cat: 'Communications',
    text: `Backup radio net check on HMCC talkgroup 1: 54 of 61 members answered. No answer from ${L(10)}, ${HH(3)} and five others; all seven reached by landline. Next net check at ${clock(320)}.`,
  });
  tick('COML', 'Test the backup radio net', { rec: 1036, note: '54 of 61 on radio; the other 7 by landline' });
  entry('iap', {
    ago: 1030, by: 'PSC', cat: 'Task completion',
    text: 'ICS 202 for operational period 1 prepared with six objectives (fuel, long-term care, dialysis, home oxygen, carbon monoxide, information) and approved by the Incident Commander.',
  });
  entry('briefing-1', {
    ago: 1025, by: 'IC', cat: 'General',
    text: 'Period 1 briefing held at the coalition EOC with members on the bridge line: objectives, reporting times and the radio net schedule given. 23 members on the call.',
  });
  message('m-wildflower', {
    ago: 1010, rec: 1004, by: 'HCCDO', direction: 'in', via: 'phone', priority: 'urgent',
    toName: name('HCCDO'), toPosition: positionTitle('HCCDO'),
    fromName: rq(12).requester[0], fromPosition: `${rq(12).requester[1]}, ${L(3)}`,
    subject: 'Second-floor residents must move now',
    body: 'The second floor is at 58 °F and falling; the transfer switch part will not arrive for at least 12 hours. We need to move 31 residents to the first floor (dining room and chapel) within the next two hours. 12 cannot use the stairs: we need evacuation sleds, and about 20 cots for the first floor. 9 staff on site.',
  });
  entry('route-closures', {
    ago: 1000, rec: 996, by: 'HCCDO', cat: 'Difficulty', source: 'phone',
    text: 'MassDOT district office: Route 9 closed between Goshen and Cummington (trees and lines down); Route 112 closed in Huntington; Route 20 icy with one lane open in Lee. Coalition deliveries to Berkshire County go by I-91 and the Mass Pike.',
  });
  reply('m-wildflower', {
    ago: 992, by: 'HCCDO',
    text: `The coalition cache is releasing 12 evacuation sleds and 20 surge cots now (${rq(12).number}). The truck leaves the Northampton warehouse within 30 minutes by I-91 and the Mass Pike (Route 9 is closed); ETA about 75 minutes. Call the duty phone if a resident's condition changes.`,
  });
  entry('wildflower-cache', {
    ago: 978, by: 'LSC', cat: 'Resource',
    text: `${rq(12).number} for ${L(3)} approved: 12 evacuation sleds and 20 surge cots from the coalition cache. ${name('SPUL')} loading the cache truck at the Northampton warehouse.`,
  });

  // ---- Dialysis, fuel, home oxygen ----
  entry('wildflower-delivered', {
    ago: 925, rec: 921, by: 'LSC', cat: 'Task completion', source: 'radio',
    text: `Cache truck at ${L(3)}: 12 sleds and 20 cots received by the charge nurse. Staff are moving the 12 residents who cannot use the stairs first.`,
  });
  entry('dialysis-status', {
    ago: 915, by: 'SITL', cat: 'Facility status',
    text: `Dialysis: ${D(1)} (${town('dialysis', 1)}) closed: no power and no water pressure. ${D(0)} (${town('dialysis', 0)}) on a small generator, half its chairs. ${D(2)} (${town('dialysis', 2)}) open on grid power. ${D(1)} has 96 patients scheduled in the next 36 hours.`,
  });
  propose('dialysis-status', { rec: 908, by: 'MTS', note: 'Dialysis capacity lost' });
  entry('riverbend-capacity', {
    ago: 900, rec: 894, by: 'MTS', cat: 'Situation', source: 'phone',
    text: `${D(2)} charge nurse: can add two extra shifts, room for about 60 more patients in the next 36 hours if water and power hold. ${D(0)} can take 15 more once it has full power.`,
  });
  review('dialysis-status', { rec: 896, approve: true });
  entry('fuel-contract', {
    ago: 890, by: 'LSC', cat: 'Resource',
    text: "Fuel: Valley Fuel Oil & Propane (demo) confirms our members' contract deliveries, but has one tanker for the region until the roads clear; first deliveries in about 6 hours.",
  });
  tick('LSC', 'Confirm fuel supplier contracts', { rec: 886, note: 'One tanker for the region until the roads clear' });
  entry('wildflower-moved', {
    ago: 880, rec: 872, by: 'MTS', cat: 'Patient movement', source: 'phone',
    text: `${L(3)}: all 31 second-floor residents are now on the first floor. Two residents with low oxygen saturation sent to ${H(6)} by ${EMS(0)}.`,
  });
  decision('d-dialysis', {
    ago: 850, rec: 846, by: 'IC',
    title: `Redirect ${D(1)} patients to open centres`,
    decision: `${D(1)}'s 96 scheduled patients are redirected: up to 60 to ${D(2)} on extended hours and 15 to ${D(0)} once it has full power; the rest to the inpatient units of ${H(2)} and ${H(0)} only if no outpatient chair is free. ${D(1)} calls each patient with the new time; ${MRC(0)} arranges rides for patients without transport.`,
    options: [
      ['Redirect patients to open outpatient centres with extended hours', true],
      ['Send outpatients to hospital inpatient dialysis units', false],
      [`Wait for power at ${D(1)} and let patients miss one session`, false],
    ],
    rationale: `Missing sessions risks high potassium and fluid overload within 48 to 72 hours, and power at ${D(1)} is not expected for 36 hours or more. ${D(2)} has power, water and staff for extra shifts; hospital units must stay free for inpatients. Advised by the Medical/Technical Specialist (${name('MTS')}).`,
    authority: AUTH_IC,
    links: [['entry', 'dialysis-status'], ['entry', 'riverbend-capacity']],
  });
  entry('dialysis-calls', {
    ago: 840, by: 'MTS', cat: 'Task assignment',
    text: `Asked ${D(1)} to call each of its 96 patients with a new chair and time at ${D(2)} or ${D(0)}; ${MRC(0)} volunteer drivers and the paratransit service to drive the 23 patients without transport.`,
  });
  message('m-sitrep1', {
    ago: 830, by: 'SITL', direction: 'out', via: 'email', priority: 'routine',
    toName: STATE.name, toPosition: STATE.position,
    fromName: name('IC'), fromPosition: `${positionTitle('IC')}, PVB Health Care Coalition (demo)`,
    subject: 'Situation report 1: Pioneer Valley ice storm',
    body: `Coalition at Partial activation since ${clock(1195)}. 112,000 customers without power; restoration 24 to 72 hours. Hospitals: all 8 open, 3 on generator, no diversion. Long-term care: ${L(3)} moved 31 residents within the building after a generator transfer switch failed. Dialysis: ${D(1)} closed; its patients are being redirected to ${D(2)}. Home oxygen users without power: count in progress. Needs: generator fuel, and a 60 kW generator for dialysis if the state cache has one.`,
    approvedByName: name('IC'), approvedByPosition: positionTitle('IC'),
  });
  entry('brookhollow-o2', {
    ago: 820, rec: 812, by: 'HCCDO', cat: 'Situation', source: 'phone',
    text: `${HH(3)} (${contact('home_health', 3).name}, ${contact('home_health', 3).role}): 41 oxygen-dependent clients in Palmer and Ware without power; their concentrators are down and 17 have less than 12 hours of cylinder oxygen.`,
  });
  entry('o2-rollup', {
    ago: 800, by: 'SITL', cat: 'Situation',
    text: `Home health roll-up (${HH(0)}, ${HH(1)}, ${HH(2)}, ${HH(3)}): 143 oxygen- or electricity-dependent clients without power across the region; 38 with less than 12 hours of backup oxygen, 9 with none.`,
  });
  propose('o2-rollup', { rec: 795, by: 'MTS', note: 'Home oxygen users at risk' });
  entry('o2-sort', {
    ago: 790, by: 'MTS', cat: 'Task assignment',
    text: `Asked the home health agencies to sort every oxygen-dependent client: backup oxygen for more than 12 hours, less than 12 hours, or none; call lists to the Situation Unit by ${clock(730)}.`,
  });
  review('o2-rollup', { rec: 785, approve: true });
  reply('m-sitrep1', {
    ago: 770, rec: 766, by: 'SITL', name: STATE.name, position: STATE.position,
    text: `Received. The state can send two 60 kW generators from the state cache to a regional staging area on request through WebEOC; fuel stays with local vendors. State ESF-8 call every 6 hours, next at ${clock(650)}.`,
  });
  entry('palmer-centre', {
    ago: 760, rec: 752, by: 'LOFR', cat: 'Communications', source: 'phone',
    text: `${PH(2)} and Palmer emergency management: the Palmer town warming centre has generator power for about 40 oxygen concentrators and cots for 60; it can take oxygen-dependent residents if the coalition provides medical staff.`,
  });
  decision('d-warming', {
    ago: 740, rec: 736, by: 'IC',
    title: 'Medical support at the Palmer warming centre',
    decision: `Oxygen-dependent residents with less than 12 hours of backup oxygen, or none, go to the Palmer town warming centre, where ${MRC(0)} nurses and a respiratory therapist give medical support around the clock; home health agencies arrange the moves. Cylinders from ${rq(6).number} go to the centre for residents who arrive without oxygen. Anyone unstable goes to an emergency department.`,
    options: [
      ['Send every oxygen-dependent resident without power to an emergency department', false],
      ['Medical support at the Palmer warming centre; move residents with under 12 hours of oxygen there', true],
      ['Deliver oxygen cylinders door to door only', false],
    ],
    rationale: '38 residents have under 12 hours of oxygen and 9 have none. Emergency departments are busy with CO exposures and falls on the ice and cannot hold people who only need power. The centre has power, heat and cots; door-to-door delivery cannot reach everyone on closed roads before the cylinders run out.',
    authority: `${AUTH_IC}; the warming centre is the town's, agreed with ${PH(2)}`,
    links: [['entry', 'o2-rollup'], ['entry', 'palmer-centre'], ['request', 6]],
  });
  entry('mrc-palmer', {
    ago: 735, by: 'HCCDO', cat: 'Task assignment',
    text: `${MRC(0)}: 6 nurses and a respiratory therapist to the Palmer warming centre from ${clock(660)}. ${HH(3)} arranging transport for 38 clients with the town.`,
  });
  entry('o2-received', {
    ago: 698, by: 'LSC', cat: 'Resource',
    text: `${rq(6).number} received at ${CHC(1)}: 20 E cylinders with regulators; 10 sent on to the Palmer warming centre.`,
  });
  entry('fuel-rollup', {
    ago: 690, by: 'INFRA', cat: 'Facility status',
    text: `Generator fuel roll-up (HICS 251, 47 of 52 facilities reporting). Under 24 hours: ${H(5)} 8 h, ${D(0)} 11 h, ${L(4)} 18 h, ${L(2)} 20 h. 24 to 48 hours: 9 facilities. Over 48 hours: 34.`,
  });
  tick('INFRA', 'Record generator status', { rec: 686, note: '47 of 52 reporting; the other 5 followed up by phone' });
  entry('fuel-escalated', {
    ago: 680, by: 'INFRA', cat: 'Task completion',
    text: 'Escalated the 4 facilities under 24 hours of fuel to Logistics with tank sizes and burn rates.',
  });
  tick('INFRA', 'Escalate facilities under 24 hours', { rec: 678 });

  // ---- Stone Bridge, fuel priority ----
  entry('stonebridge-gen', {
    ago: 650, rec: 644, by: 'HCCDO', cat: 'Facility status', source: 'phone',
    text: `${L(2)} (${town('long_term_care', 2)}): the east-wing generator failed at ${clock(665)}; the wing is at 61 °F and falling, 22 residents there, 8 on oxygen. The west wing is on a separate generator. Administrator ${rq(4).requester[0]} asks to move the east-wing residents before the wing gets colder.`,
  });
  propose('stonebridge-gen', { rec: 640, by: 'HCCDO', note: 'Second long-term care facility without heat' });
  entry('stonebridge-plan', {
    ago: 635, by: 'MTS', cat: 'Patient movement',
    text: `${L(2)} east-wing residents reviewed with the Director of Nursing: 14 wheelchair, 8 stretcher, 8 on oxygen. Receiving beds confirmed under the Valley Long-Term Care Mutual Aid Plan: ${L(11)} 12, ${L(8)} 10 (both Palmer).`,
  });
  review('stonebridge-gen', { rec: 632, approve: true });
  decision('d-stonebridge', {
    ago: 615, rec: 611, by: 'IC',
    title: `Partial evacuation of ${L(2)}`,
    decision: `Move the 22 east-wing residents of ${L(2)} now: 12 to ${L(11)} and 10 to ${L(8)}, by an ambulance strike team under the Regional Ambulance Strike Team MOU. Medication, records and oxygen go with each resident. The west-wing residents stay in place.`,
    options: [
      ['Shelter in place and wait for a state-cache generator (6 hours or more)', false],
      ['Move the 22 east-wing residents to mutual aid partners now', true],
      ['Send the residents to hospital emergency departments', false],
    ],
    rationale: 'The wing will be below 60 °F within hours and 8 residents are on oxygen; a state generator cannot arrive for 6 hours or more. Two partners have beds and staff, and a strike team is available; an emergency department is no place to house long-term care residents.',
    authority: 'Incident Commander with the facility administrator (the facility decides for its residents); Valley Long-Term Care Mutual Aid Plan (demo)',
    links: [['entry', 'stonebridge-gen'], ['entry', 'stonebridge-plan']],
  });
  entry('wildflower-release', {
    ago: 598, by: 'LSC', cat: 'Task completion',
    text: `${L(3)}: transfer switch repaired and the second floor warm again; sleds and cots released back to the coalition cache (${rq(12).number}).`,
  });
  entry('ast-request', {
    ago: 595, by: 'LSC', cat: 'Resource',
    text: `${rq(4).number}: ambulance strike team for ${L(2)} entered; ${EMS(1)} accepting the mission under the Regional Ambulance Strike Team MOU.`,
  });
  decision('d-fuel', {
    ago: 560, rec: 556, by: 'LSC',
    title: 'Generator fuel priority order',
    decision: `The single tanker delivers in this order: ${H(5)} (8 h left), ${D(0)} (11 h), ${L(4)} (18 h), ${L(2)} (20 h), then any facility under 36 hours by hours remaining. Facilities with more than 48 hours get no delivery in period 1.`,
    options: [
      ['First come, first served as facilities call', false],
      ['Hospitals first, then everyone else', false],
      ['By hours of fuel remaining, residential care before outpatient care', true],
    ],
    rationale: `One tanker cannot answer every call before the roads clear. Ordering by hours remaining keeps every generator running; residential care comes first because those people cannot leave. ${H(5)}'s figure is the corrected 16 hours (8 now), not the 60 first reported.`,
    authority: AUTH_FUEL,
    links: [['entry', 'fuel-rollup'], ['entry', 'fuel-escalated'], ['entry', 'birchwood-fix'], ['entry', 'fuel-contract']],
  });
  message('m-strike-team', {
    ago: 470, rec: 466, by: 'LSC', direction: 'in', via: 'radio', priority: 'urgent',
    toName: name('LSC'), toPosition: positionTitle('LSC'),
    fromName: contact('ems', 1).name, fromPosition: `Strike team leader, ${EMS(1)}`,
    subject: `Strike team on scene at ${L(2)}`,
    body: `5 ambulances and 1 wheelchair bus on scene at ${L(2)}. First 8 residents loaded for ${L(11)}. Route 20 icy but open to Palmer. Expect all 22 moved in about 2 hours.`,
  });
  reply('m-strike-team', {
    ago: 464, by: 'LSC',
    text: `Copy. ${L(11)} expecting 12, ${L(8)} 10. Report each departure to the EOC on talkgroup 1.`,
  });
  entry('stonebridge-first', {
    ago: 455, rec: 449, by: 'SITL', cat: 'Patient movement', source: 'radio',
    text: `Strike team: first 8 ${L(2)} residents arrived at ${L(11)}; the next group is loading.`,
  });
  entry('dialysis-reached', {
    ago: 420, by: 'SITL', cat: 'Situation',
    text: `${D(1)} patients: 81 of 96 reached and rescheduled; 15 not reachable by phone. ${PH(3)} to make wellness checks.`,
  });
  entry('kestrel-gen-request', {
    ago: 415, by: 'LOFR', cat: 'Communications',
    text: `${D(0)} asks for a 60 kW generator to run all its chairs (${rq(2).number}). ${EM(0)} holds three 60 kW units under the Emergency Generator Loan MOU.`,
  });
  propose('dialysis-reached', { rec: 412, by: 'MTS', note: 'Dialysis patients not reached' });
  review('dialysis-reached', { rec: 405, approve: false, note: 'Tracked on the dialysis call list; a board event only if a patient misses treatment' });
  entry('kestrel-gen-sourced', {
    ago: 380, by: 'INFRA', cat: 'Resource',
    text: `${EM(0)} releasing one 60 kW generator with cabling for ${D(0)} (${rq(2).number}); an electrician will meet it on site.`,
  });
  message('m-fuel-vendor', {
    ago: 372, rec: 368, by: 'LSC', direction: 'in', via: 'phone', priority: 'routine',
    toName: name('LSC'), toPosition: positionTitle('LSC'),
    fromName: 'Chris Albee', fromPosition: 'Dispatcher, Valley Fuel Oil & Propane (demo)',
    subject: 'Second tanker available',
    body: 'A second tanker is released from the Westfield depot: two delivery runs are possible in the next 12 hours. The driver needs a route that avoids Route 9 and Route 112.',
  });
  decision('d-fuel-2', {
    ago: 350, rec: 346, by: 'LSC',
    title: 'Generator fuel priority order, revised for two tankers',
    decision: `Tanker 1 (north): ${H(5)}, then ${H(7)}. Tanker 2 (south and west, by the Mass Pike): ${D(0)} until its loaned generator runs, then ${L(4)}, then facilities under 36 hours by hours remaining. ${L(2)} comes off the list: its east wing is empty and the west wing's generator has 40 hours.`,
    options: [
      ['Keep the single-tanker order', false],
      ['Split by area: one tanker north, one south and west', true],
    ],
    rationale: 'With a second tanker, a northern run and a southern run by the Mass Pike avoid the closed roads and reach every facility under 24 hours within 6 hours instead of 11 on one route.',
    authority: AUTH_FUEL,
    links: [['decision', 'd-fuel'], ['message', 'm-fuel-vendor'], ['entry', 'kestrel-gen-sourced']],
    supersedes: 'd-fuel',
  });
  entry('kestrel-enroute', {
    ago: 340, by: 'LSC', cat: 'Resource',
    text: `${rq(2).number}: generator on the road from ${EM(0)} (${town('emergency_management', 0)}); ETA ${clock(20)}.`,
  });
  entry('stonebridge-done', {
    ago: 330, by: 'SITL', cat: 'Patient movement',
    text: `${L(2)} partial evacuation complete: 12 residents at ${L(11)}, 10 at ${L(8)}. No injuries; medication, records and oxygen went with each resident.`,
  });
  propose('stonebridge-done', { rec: 325, by: 'LSC', note: 'Evacuation complete' });
  entry('radio-net-2', {
    ago: 320, by: 'COML', cat: 'Communications',
    text: 'Radio net check 2 on HMCC talkgroup 1: 58 of 61 members answered; the other 3 by landline.',
  });
  review('stonebridge-done', { rec: 318, approve: true });

  // ---- The last hours ----
  entry('co-exposures', {
    ago: 305, by: 'MTS', cat: 'Safety',
    text: `Carbon monoxide: the EDs of ${H(2)} and ${H(0)} have treated 11 CO exposures since the storm began, including a family of five with a generator running in an attached garage; 2 referred for hyperbaric treatment.`,
  });
  propose('co-exposures', { rec: 300, by: 'MTS', note: 'CO exposures rising' });
  entry('utility-2', {
    ago: 300, rec: 298, by: 'HCCDO', cat: 'Situation',
    text: 'Utility update: 86,000 customers still out; crews from out of state arriving. Restoration for Ware and Palmer now estimated in about 36 hours.',
  });
  review('co-exposures', { rec: 296, approve: true });
  entry('ironwood-vents', {
    ago: 295, by: 'MTS', cat: 'Situation',
    text: `${H(3)} ED: 9 patients on home ventilators or BiPAP have come in since the outage began; it asks for 6 transport ventilators (${rq(1).number}). The coalition cache holds 12.`,
  });
  message('m-sitrep3', {
    ago: 290, by: 'SITL', direction: 'out', via: 'digital', priority: 'routine',
    toName: 'All coalition members', toPosition: 'Member emergency contacts',
    fromName: name('SITL'), fromPosition: `${positionTitle('SITL')}, PVB Health Care Coalition (demo)`,
    subject: 'Situation update 3',
    body: `Power: 86,000 customers out; restoration 24 to 36 hours in most towns, longer in the hill towns. Dialysis: ${D(1)} closed; its patients are rescheduled at ${D(2)} and ${D(0)}. Long-term care: ${L(2)} moved 22 residents to ${L(11)} and ${L(8)}. Home oxygen: the Palmer warming centre has medical staff around the clock. Fuel: two tankers running in priority order; report fuel under 24 hours to the duty officer at once. Carbon monoxide: 11 exposures seen in EDs; keep generators outdoors.`,
    approvedByName: name('PSC'), approvedByPosition: positionTitle('PSC'),
  });
  entry('vents-allocated', {
    ago: 248, by: 'LSC', cat: 'Resource',
    text: `4 portable ventilators from the coalition cache allocated to ${rq(1).number}; looking for 2 more among members.`,
  });
  entry('period2-planning', {
    ago: 210, by: 'PSC', cat: 'Task assignment',
    text: `Planning meeting for operational period 2 set for ${clock(-120)}. Draft objectives: carry forward fuel, dialysis and home oxygen; add demobilization of the Palmer warming centre support once power returns.`,
  });
  entry('status-rollup', {
    ago: 180, by: 'SITL', cat: 'Facility status',
    text: `Facility status: all 8 hospitals open, 5 on generator, no ED diversion. Long-term care: 7 of 12 on generator; ${L(2)} partially evacuated. Dialysis: ${D(1)} closed, ${D(0)} limited, ${D(2)} open with extended hours.`,
  });
  entry('state-generators', {
    ago: 150, rec: 145, by: 'LOFR', cat: 'Communications', source: 'phone',
    text: `MDPH ESF-8 call: the state is sending two 60 kW generators from the state cache to the Palmer staging area for the coalition to assign. Proposed: ${D(0)} if the loaned unit fails, and the Palmer warming centre as backup.`,
  });
  entry('birchwood-fuelled', {
    ago: 120, by: 'INFRA', cat: 'Facility status',
    text: `${H(5)}: first fuel delivery complete, now 40 hours on site. ${H(7)} is next on the northern run.`,
  });
  entry('shift-change', {
    ago: 95, by: 'HCCDO', cat: 'Staffing',
    text: `Period 2 staffing confirmed for every EOC position except the Medical/Technical Specialist; ${name('MTS')} stays until relieved.`,
  });
  entry('utility-3', {
    ago: 60, by: 'SITL', cat: 'Situation',
    text: 'Utility: 61,000 customers out. Springfield and Holyoke mostly restored; the hill towns 24 to 48 hours more.',
  });
  entry('palmer-census', {
    ago: 45, by: 'MTS', cat: 'Patient movement',
    text: `Palmer warming centre: 29 oxygen-dependent residents on site, all on concentrators; 3 sent to ${H(2)} for assessment.`,
  });
  message('m-kestrel', {
    ago: 18, rec: 14, by: 'LSC', direction: 'in', via: 'phone', priority: 'urgent',
    toName: name('LSC'), toPosition: positionTitle('LSC'),
    fromName: rq(2).requester[0], fromPosition: `${rq(2).requester[1]}, ${D(0)}`,
    subject: 'Loaned generator has not arrived',
    body: `The 60 kW generator has not arrived (its ETA was ${clock(20)}). Our small generator has about 6 hours of fuel; 14 patients are on chairs now and 18 more are due for the next shift.`,
  });
  entry('kestrel-overdue', {
    ago: 12, rec: 10, by: 'LSC', cat: 'Difficulty',
    text: `${rq(2).number} overdue at ${D(0)}: the truck was held at the Route 20 closure in Lee and is rerouting by Route 102; new ETA in 45 minutes. The centre's small generator covers about 6 hours.`,
  });
  reply('m-kestrel', {
    ago: 9, by: 'LSC',
    text: `${EM(0)}: the truck was stopped by the Route 20 closure in Lee and is rerouting by Route 102; new ETA in 45 minutes. Diesel for your small generator is added to tanker 2's run.`,
  });
  propose('kestrel-overdue', { rec: 8, by: 'LSC', note: 'Dialysis centre may lose power' });
  entry('briefing-prep', {
    ago: 5, by: 'SITL', cat: 'Situation',
    text: 'Situation summary for the period 2 planning meeting drafted; significant events board reviewed.',
  });

  // Oldest first by when it was typed in; the script's order breaks ties.
  steps.sort((a, b) => b.rec - a.rec || a.order - b.order);
  for (const s of steps) {
    // Typed just after `rec`: a story time lies up to 50 s before its minute, so an entry
    // typed as it happened is recorded within the minute (not a late entry).
    typedAt = o.now - s.rec * MIN + 8_000;
    s.run();
  }
  return counts;
}
