import { CAP_TEMPLATES } from '../../../../shared/domain/cap';
import { PLAN_MEDIA_TYPES } from '../../../../shared/domain/plan';
import { seedId } from '../../db/migrations/002-incidents';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { saveSheet } from '../activation/validate';
import { issueAlert } from '../alert/issue';
import { recordAttempt, startCalldown } from '../calldown/start';
import { listTargets } from '../calldown/queries';
import { calendarDay } from '../directory/queries';
import { putAssessment, putHazard } from '../hva/records';
import { extractText } from '../plan/extract';
import { storePlanFile } from '../plan/files';
import { recordPlanVersion } from '../plan/record';
import { putService } from '../service/records';
import type { DemoDirectory } from './directory-seed';
import { DEMO_INCIDENT_AGE_MS } from './incident';
import { DEMO_PLANS } from './plan-texts';

const DAY = 86_400_000;
const MIN = 60_000;

export interface PrepCounts {
  plans: number;
  services: number;
  hazards: number;
  calldownTargets: number;
  alerts: number;
}

function firstContact(db: Db, organisationId: string | undefined): { id: string; name: string } | undefined {
  if (!organisationId) return undefined;
  return db.prepare('SELECT id, name FROM contacts WHERE organisation_id = ? AND deleted = 0 ORDER BY created_at, id LIMIT 1').get(organisationId) as { id: string; name: string } | undefined;
}

/**
 * The demonstration coalition's preparedness: its plans library (one plan in its second
 * version, one overdue for review), the activation sheet, the regional services, a scored
 * HVA for this year, and in the storm: the activation call-down and a CAP shelter alert.
 * `standing` is stamped before the storm, `duty` by the duty officer during it.
 */
export function seedPreparedness(standing: WriteTx, duty: WriteTx, db: Db, o: { dataDir: string; dir: DemoDirectory; incidentId: string; now: number; timeZone: string }): PrepCounts {
  const day = (offset: number) => calendarDay(o.now + offset * DAY, o.timeZone);
  const orgs = (d: Parameters<DemoDirectory['byDiscipline']['get']>[0]) => o.dir.byDiscipline.get(d) ?? [];

  for (const p of DEMO_PLANS) {
    let planId: string | undefined;
    for (const v of p.versions) {
      const bytes = new TextEncoder().encode(v.text);
      const fileName = `${p.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${v.label}.txt`;
      const stored = storePlanFile(o.dataDir, bytes, 'txt');
      const at = standing.asOf(o.now - v.effectiveDaysAgo * DAY);
      planId = recordPlanVersion(
        at,
        db,
        { planId, title: p.title, kind: p.kind, owner: p.owner, versionLabel: v.label, effectiveOn: day(-v.effectiveDaysAgo), reviewOn: day(v.reviewInDays), fileName, mediaType: PLAN_MEDIA_TYPES.txt, bytes: bytes.length, ...stored, extraction: extractText(bytes), note: 'Demonstration data.' },
        true,
      ).planId;
    }
  }

  const call = (label: string, orgId: string | undefined) => {
    const c = firstContact(db, orgId);
    return c ? { label, contactId: c.id } : null;
  };
  saveSheet(
    standing,
    db,
    {
      title: 'How to activate the region',
      whoMayActivate: ['The coalition duty officer (24/7, 413-555-0100)', 'The coalition coordinator or deputy coordinator', 'Any core member’s emergency manager may ask the duty officer to activate'],
      levels: [
        { name: 'Monitoring', trigger: 'A forecast, report or request that may affect members; no coordination needed yet' },
        { name: 'Partial activation', trigger: 'Two or more members in surge or on generator power, a facility evacuating, or MDPH asks for regional coordination' },
        { name: 'Full activation', trigger: 'A mass casualty incident, a regional evacuation or a declared state of emergency' },
      ],
      firstCalls: [
        call('Coalition duty officer', o.dir.coalitionOrgId),
        call('Lead hospital emergency manager', orgs('hospital')[0]?.id),
        call('Public health district', orgs('public_health')[0]?.id),
        call('County emergency management', orgs('emergency_management')[0]?.id),
        call('Regional EMS', orgs('ems')[0]?.id),
        { label: 'MDPH ESF-8 duty desk', phone: '617-555-0188' },
      ].filter((c): c is NonNullable<typeof c> => c !== null),
      coordinationCenter: {
        location: 'Regional Coordination Center, 100 Main St, Northampton, room 2',
        howToOpen: 'Key box by the side door (code from the duty officer). Power on the three EOC workstations and the wall display; open the console; radio check on HMCC talkgroup 1.',
        alternate: 'Holyoke fire headquarters, training room (2nd floor)',
      },
      firstActions: [
        'Open the incident in the console from its template; set the activation level',
        'Start the call-down of hospitals and emergency management',
        'Ask members for status (EEI) with a deadline',
        'Send the first situation update to members and MDPH',
        'Open operational period 1 and set its objectives',
      ],
    },
    'Demonstration data.',
    true,
  );

  const services = [
    { name: 'Northampton High School shelter', type: 'shelter', town: 'Northampton', zip: '01060', address: '380 Elm St', hours: 'When opened by the town', capacity: 180, accessibility: 'Ramp at the east door; accessible showers; cots with rails', languages: ['English', 'Spanish'], phone: '413-555-0150' },
    { name: 'Springfield Central Library warming center', type: 'warming_center', town: 'Springfield', zip: '01103', address: '220 State St', hours: '08:00-22:00 during outages', capacity: 120, accessibility: 'Step-free entrance; power outlets on generator for oxygen concentrators', languages: ['English', 'Spanish', 'Vietnamese'], phone: '413-555-0151' },
    { name: 'Holyoke Senior Center warming and cooling center', type: 'cooling_center', town: 'Holyoke', zip: '01040', address: '291 Pine St', hours: 'Mon-Fri 08:00-20:00; weekends when opened', capacity: 60, accessibility: 'Step-free; accessible restroom', languages: ['English', 'Spanish'], phone: '413-555-0152' },
    { name: 'Pittsfield Middle School shelter', type: 'shelter', town: 'Pittsfield', zip: '01201', address: '35 Columbus Ave', hours: 'When opened by the city', capacity: 150, accessibility: 'Elevator to the gym; two accessible showers', languages: ['English', 'Portuguese'], phone: '413-555-0153' },
    { name: 'Valley Opportunity Council', type: 'human_services', town: 'Chicopee', zip: '01013', address: '35 Mount Carmel Ave', hours: 'Mon-Fri 08:30-16:30', capacity: null, accessibility: 'Step-free', languages: ['English', 'Spanish', 'Portuguese', 'Russian'], phone: '413-555-0154' },
    { name: 'Franklin County Community Action', type: 'human_services', town: 'Greenfield', zip: '01301', address: '393 Main St', hours: 'Mon-Fri 09:00-17:00', capacity: null, accessibility: 'Step-free', languages: ['English', 'Spanish'], phone: '413-555-0155' },
    { name: 'Westfield 24-hour pharmacy', type: 'pharmacy', town: 'Westfield', zip: '01085', address: '100 Elm St', hours: '24/7, on generator', capacity: null, accessibility: 'Drive-through window', languages: ['English', 'Spanish'], phone: '413-555-0156' },
    { name: 'Amherst community pharmacy', type: 'pharmacy', town: 'Amherst', zip: '01002', address: '30 Boltwood Walk', hours: '08:00-21:00', capacity: null, accessibility: 'Step-free', languages: ['English', 'Chinese'], phone: '413-555-0157' },
    { name: 'Pioneer Valley paratransit', type: 'transport', town: 'Springfield', zip: '01107', address: '2808 Main St', hours: '24/7 dispatch during an activation', capacity: 40, accessibility: '28 wheelchair vans with lifts', languages: ['English', 'Spanish'], phone: '413-555-0158' },
    { name: 'Berkshire regional transit', type: 'transport', town: 'Pittsfield', zip: '01201', address: '1 Columbus Ave', hours: '05:45-19:00; on call in emergencies', capacity: 25, accessibility: 'Low-floor buses with ramps', languages: ['English'], phone: '413-555-0159' },
  ] as const;
  for (const s of services) putService(standing, db, undefined, { ...s, languages: [...s.languages], notes: 'Demonstration data.' }, true);

  const year = Number(day(0).slice(0, 4));
  const assessmentId = putAssessment(standing, db, { year, title: `Region 1 hazard vulnerability analysis ${year}`, notes: 'Demonstration data: scored by the preparedness committee.', starterHazards: false }, true);
  const t = (slug: string) => seedId('template', slug);
  const hazards = [
    { hazard: 'Severe winter storm / ice storm', category: 'natural', s: [3, 2, 2, 3, 2, 2, 2], templates: [t('winter-storm'), t('power-outage')] },
    { hazard: 'Extended power outage', category: 'technological', s: [3, 2, 2, 3, 2, 2, 3], templates: [t('power-outage')] },
    { hazard: 'Pandemic / infectious disease outbreak', category: 'natural', s: [2, 3, 1, 3, 2, 2, 2], templates: [t('infectious-disease')] },
    { hazard: 'Mass casualty incident (trauma)', category: 'human', s: [2, 3, 1, 2, 2, 2, 1], templates: [t('mass-casualty')] },
    { hazard: 'Flood', category: 'natural', s: [2, 1, 3, 2, 2, 2, 2], templates: [t('hospital-evacuation')] },
    { hazard: 'Extreme heat', category: 'natural', s: [2, 2, 1, 1, 2, 1, 2], templates: [] },
    { hazard: 'Information systems / cyber attack', category: 'technological', s: [2, 1, 1, 3, 3, 2, 3], templates: [] },
    { hazard: 'Water supply disruption', category: 'technological', s: [1, 2, 1, 3, 2, 2, 2], templates: [] },
    { hazard: 'Hazardous materials release', category: 'hazmat', s: [1, 3, 2, 2, 2, 2, 1], templates: [t('mass-casualty')] },
    { hazard: 'Active shooter', category: 'human', s: [1, 3, 1, 2, 2, 2, 1], templates: [t('mass-casualty')] },
  ] as const;
  for (const h of hazards) {
    const [probability, humanImpact, propertyImpact, businessImpact, preparedness, internalResponse, externalResponse] = h.s;
    putHazard(standing, db, undefined, { assessmentId, hazard: h.hazard, category: h.category, probability, humanImpact, propertyImpact, businessImpact, preparedness, internalResponse, externalResponse, templateIds: [...h.templates], notes: null });
  }

  // In the storm: the duty officer's call-down twenty minutes in; two still to reach.
  const startedAt = o.now - DEMO_INCIDENT_AGE_MS;
  const cd = startCalldown(duty.asOf(startedAt + 20 * MIN), db, o.incidentId, 'Partial activation call-down: hospitals and emergency management', { kind: 'disciplines', disciplines: ['hospital', 'emergency_management'] });
  const targets = listTargets(db, cd.id);
  const outcomes = ['reached', 'reached', 'voicemail', 'reached', 'no_answer', 'reached', 'reached', 'wrong_number', 'reached', 'reached'] as const;
  targets.forEach((target, i) => {
    const at = startedAt + (22 + i * 3) * MIN;
    const outcome = outcomes[i % outcomes.length]!;
    recordAttempt(duty.asOf(at), { calldownId: cd.id, targetId: target.id, outcome, acknowledgedBy: outcome === 'reached' ? `${['House supervisor', 'Emergency manager', 'Charge nurse', 'Director'][i % 4]} on duty` : null, note: outcome === 'wrong_number' ? 'Number rings a fax line; directory to be corrected' : null, at });
    // A voicemail and a no-answer get a second try later; the wrong number stays to fix.
    if (outcome === 'voicemail' || outcome === 'no_answer') recordAttempt(duty.asOf(at + 40 * MIN), { calldownId: cd.id, targetId: target.id, outcome: i % 2 ? 'reached' : 'no_answer', acknowledgedBy: i % 2 ? 'Administrator on call' : null, at: at + 40 * MIN });
  });

  const shelter = CAP_TEMPLATES.find((x) => x.id === 'shelter')!;
  issueAlert(duty.asOf(startedAt + 6 * 60 * MIN), db, {
    template: 'shelter',
    status: 'Exercise',
    msgType: 'Alert',
    incidentId: o.incidentId,
    senderName: 'Pioneer Valley & Berkshires HCC (demo) for the Northampton Board of Health',
    event: 'Warming Center and Shelter Opening',
    categories: [...shelter.categories],
    responseTypes: [...shelter.responseTypes],
    urgency: 'Expected',
    severity: 'Moderate',
    certainty: 'Observed',
    headline: 'DEMO: Warming centers and a shelter are open in Northampton and Springfield',
    description: 'DEMONSTRATION DATA. Power is out for more than 100,000 customers after the ice storm. The Northampton High School shelter (380 Elm St) and the Springfield Central Library warming center (220 State St) are open.',
    instruction: 'If your home is cold or you rely on powered medical equipment, go to a warming center. Bring medicines, chargers and your oxygen supply. Call 413-555-0158 for a ride.',
    areaDesc: 'Hampshire and Hampden Counties, Massachusetts',
    geocodes: [
      { valueName: 'SAME', value: '025015' },
      { valueName: 'SAME', value: '025013' },
    ],
    expiresInHours: 24,
    contact: 'Coalition duty officer 413-555-0100',
  });

  return { plans: DEMO_PLANS.length, services: services.length, hazards: hazards.length, calldownTargets: targets.length, alerts: 1 };
}
