import { newId as uuidv7 } from '../../db/ids';
import type { Annotation, MethodParsedInput } from '../../../../shared/contract';
import { conflict, notFound } from '../../errors';
import type { WriteContext } from '../../registry';
import { requireOpenIncident } from '../incident/guards';
import { getAnnotation } from './queries';

/**
 * Draws or changes an annotation through the one write path: each changed field is a row
 * in the changes outbox, so every workstation converges on the same drawing. An annotation
 * stays with the incident it was drawn in.
 */
export function saveAnnotation(ctx: WriteContext, input: MethodParsedInput<'map.annotationSave'>): Annotation {
  requireOpenIncident(ctx.db, input.incidentId);
  const existing = input.id ? getAnnotation(ctx.db, input.id) : null;
  if (input.id && !existing) throw notFound('That annotation');
  if (existing && existing.incidentId !== input.incidentId) {
    throw conflict('An annotation stays with the incident it was drawn in; draw a new one in this incident instead');
  }
  const id = input.id ?? uuidv7();
  ctx.write((tx) =>
    tx.put('map_annotations', id, {
      incident_id: input.incidentId,
      purpose: input.purpose,
      shape: input.shape,
      geometry: JSON.stringify(input.geometry),
      radius_m: input.shape === 'circle' ? (input.radiusM ?? null) : null,
      label: input.label,
      note: input.note ?? null,
      demo: existing?.demo ? 1 : 0,
    }),
  );
  return getAnnotation(ctx.db, id)!;
}

export function removeAnnotation(ctx: WriteContext, id: string): void {
  const existing = getAnnotation(ctx.db, id);
  if (!existing) throw notFound('That annotation');
  requireOpenIncident(ctx.db, existing.incidentId);
  ctx.write((tx) => tx.remove('map_annotations', id));
}
