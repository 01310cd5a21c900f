import { newId as uuidv7 } from '../../db/ids';
import { ANNOTATION_PURPOSE_LABELS, type Annotation, type MethodParsedInput } from '../../../../shared/contract';
import { conflict, notFound } from '../../errors';
import type { WriteContext } from '../../registry';
import { assertOpenIncident, requireOpenIncident } from '../incident/guards';
import { getAnnotation } from './queries';

/**
 * Draws or changes an annotation through the one write path: each changed field is a row
 * in the changes outbox, so every workstation converges on the same drawing. An annotation
 * stays with the incident it was drawn in.
 */
export function saveAnnotation(ctx: WriteContext, input: MethodParsedInput<'map.annotationSave'>): Annotation {
  const id = input.id ?? uuidv7();
  const radiusM = input.shape === 'circle' ? (input.radiusM ?? null) : null;
  // The checks read inside the write's transaction (one read transaction, not one per read).
  const drawn = ctx.write((tx) => {
    assertOpenIncident(ctx.db, input.incidentId);
    const existing = input.id ? getAnnotation(ctx.db, input.id) : null;
    if (input.id && !existing) throw notFound('That annotation');
    if (existing && existing.incidentId !== input.incidentId) {
      throw conflict('An annotation stays with the incident it was drawn in; draw a new one in this incident instead');
    }
    tx.put('map_annotations', id, {
      incident_id: input.incidentId,
      purpose: input.purpose,
      shape: input.shape,
      geometry: JSON.stringify(input.geometry),
      radius_m: radiusM,
      label: input.label,
      note: input.note ?? null,
      demo: existing?.demo ? 1 : 0,
    });
    const by = tx.actor.operatorName === null ? null : `${tx.actor.operatorName}${tx.actor.positionTitle === null ? '' : ` (${tx.actor.positionTitle})`}`;
    return { edited: !!existing, at: tx.now(), by };
  });
  if (drawn.edited) return getAnnotation(ctx.db, id)!;
  // A new drawing is answered from the values just written (as getAnnotation would read
  // them: drawn and last changed now, by the operator on duty), without reading it back.
  return {
    id,
    incidentId: input.incidentId,
    purpose: input.purpose,
    purposeLabel: ANNOTATION_PURPOSE_LABELS[input.purpose],
    shape: input.shape,
    geometry: input.geometry,
    radiusM,
    label: input.label,
    note: input.note ?? null,
    createdAt: drawn.at,
    createdBy: drawn.by,
    updatedAt: drawn.at,
    updatedBy: drawn.by,
    demo: false,
  };
}

export function removeAnnotation(ctx: WriteContext, id: string): void {
  const existing = getAnnotation(ctx.db, id);
  if (!existing) throw notFound('That annotation');
  requireOpenIncident(ctx.db, existing.incidentId);
  ctx.write((tx) => tx.remove('map_annotations', id));
}
