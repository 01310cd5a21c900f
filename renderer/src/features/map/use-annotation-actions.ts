import { notifications } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import type { Annotation } from '../../../../shared/contract';
import { call } from '../../backend';
import { confirmRemove } from '../../components/confirm-remove';
import { openAnnotationForm, type Drawn } from './draw/AnnotationForm';

/** Changing and removing annotations: each one a write through the contract, refused in words. */
export function useAnnotationActions(incidentId: string | null) {
  const saveGeometry = useCallback(
    (d: Drawn) => {
      if (!incidentId || !d.id || !d.label) return;
      call('map.annotationSave', { id: d.id, incidentId, shape: d.shape, geometry: d.geometry, radiusM: d.radiusM, label: d.label, note: d.note ?? null, purpose: d.purpose }).catch((e: unknown) =>
        notifications.show({ color: 'red', title: 'Change not saved', message: e instanceof Error ? e.message : String(e), autoClose: false }),
      );
    },
    [incidentId],
  );
  return useMemo(
    () => ({
      saveGeometry,
      edit: (a: Annotation) => openAnnotationForm(a.incidentId, { id: a.id, shape: a.shape, geometry: a.geometry, radiusM: a.radiusM, label: a.label, note: a.note, purpose: a.purpose }),
      remove: (a: Annotation, onRemoved: () => void) =>
        confirmRemove(`annotation “${a.label}”`, 'It leaves every workstation’s map of this incident; its history stays in the record.', () => call('map.annotationRemove', { id: a.id }), onRemoved),
    }),
    [saveGeometry],
  );
}
