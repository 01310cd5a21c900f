import type { MethodParsedInput, StatusRequestDetail, StatusRequestSummary } from '../../../../shared/contract';
import { DISCIPLINE_LABELS } from '../../../../shared/domain/disciplines';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { invalid, notFound } from '../../errors';
import { allOrganisations, getOrganisation } from '../directory/queries';
import { eeiSets, typeById } from './catalogue';
import { contactLines } from './queries';
import { figuresOf, responseCurve, responsesTo, type StatusRequestRow } from './request-metrics';

type CreateInput = MethodParsedInput<'status.requestCreate'>;

/** The facilities a request goes to: by discipline, by region and by name, added together. */
function chooseFacilities(db: Db, input: CreateInput): { ids: string[]; selection: string } {
  const sets = eeiSets(db);
  const orgs = allOrganisations(db).filter((o) => (sets.get(o.discipline)?.length ?? 0) > 0);
  const regions = new Set(input.regions.map((r) => r.trim().toLowerCase()));
  const chosen = new Set<string>();
  for (const o of orgs) {
    if (input.disciplines.includes(o.discipline) && (!regions.size || regions.has((o.region ?? '').toLowerCase()))) chosen.add(o.id);
    else if (!input.disciplines.length && regions.size && regions.has((o.region ?? '').toLowerCase())) chosen.add(o.id);
  }
  for (const id of input.organisationIds) {
    const o = getOrganisation(db, id);
    if (!o) throw notFound('One of the facilities listed');
    if (!sets.get(o.discipline)?.length) throw invalid(`${o.name} (${o.disciplineLabel}) has no EEI set, so it has nothing to report`);
    chosen.add(id);
  }
  if (!chosen.size) throw invalid('No facility matches: choose disciplines, regions or facilities by name');
  const words = [
    ...input.disciplines.map((d) => `all ${DISCIPLINE_LABELS[d].toLowerCase()} facilities`),
    ...(input.regions.length ? [`in ${input.regions.join(', ')}`] : []),
    ...(input.organisationIds.length ? [`${input.organisationIds.length} listed`] : []),
  ];
  return { ids: [...chosen], selection: `${chosen.size} facilities: ${words.join(', ')}` };
}

export function createStatusRequest(tx: WriteTx, db: Db, input: CreateInput, incidentId: string | null, now: number): string {
  const requestedAt = input.requestedAt ?? now;
  if (input.deadline <= requestedAt) throw invalid('The deadline must be after the time the request goes out');
  const types = typeById(db);
  for (const id of input.typeIds) if (!types.has(id)) throw invalid('One of the fields asked for is not in the catalogue; reload the form');
  const { ids, selection } = chooseFacilities(db, input);
  return tx.appendFact('status_requests', {
    incident_id: incidentId,
    title: input.title,
    message: input.message?.trim() || null,
    type_ids: JSON.stringify([...new Set(input.typeIds)]),
    organisation_ids: JSON.stringify(ids),
    selection,
    deadline: input.deadline,
    occurred_at: requestedAt,
  });
}

export function toRequestSummary(db: Db, r: StatusRequestRow, now: number): StatusRequestSummary {
  const types = typeById(db);
  const typeIds = JSON.parse(r.type_ids) as string[];
  const figures = figuresOf(r, responsesTo(db, r));
  return {
    id: r.id,
    incidentId: r.incident_id,
    title: r.title,
    message: r.message,
    selection: r.selection,
    requestedAt: r.occurred_at,
    deadline: r.deadline,
    typeIds,
    typeLabels: typeIds.map((id) => types.get(id)?.label ?? '(removed field)'),
    figures,
    late: now > r.deadline && figures.outstanding > 0,
    operatorName: r.operator_name,
  };
}

/** Who has answered (when, on time or not) and who is outstanding, with their 24/7 numbers. */
export function toRequestDetail(db: Db, r: StatusRequestRow, now: number): StatusRequestDetail {
  const responses = responsesTo(db, r);
  const summary = toRequestSummary(db, r, now);
  const facilities = [...responses].map(([orgId, resp]) => {
    const o = getOrganisation(db, orgId);
    return {
      organisationId: orgId,
      name: o?.name ?? '(removed organisation)',
      disciplineLabel: o?.disciplineLabel ?? '',
      town: o?.town ?? '',
      answeredAt: resp?.at ?? null,
      reportId: resp?.reportId ?? null,
      onTime: resp ? resp.at <= r.deadline : null,
      responseMinutes: resp ? Math.max(0, Math.round((resp.at - r.occurred_at) / 60_000)) : null,
      contacts: o ? contactLines(db, orgId) : [],
    };
  });
  // Outstanding first (the call-down list), then answers in the order they came.
  facilities.sort((a, b) => (a.answeredAt === null ? -1 : 0) - (b.answeredAt === null ? -1 : 0) || (a.answeredAt ?? 0) - (b.answeredAt ?? 0) || a.name.localeCompare(b.name));
  return { ...summary, facilities, curve: responseCurve(r, responses) };
}
