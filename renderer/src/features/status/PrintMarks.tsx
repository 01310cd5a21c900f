import { Text } from '@mantine/core';
import { useMethod } from '../../lib/query';

/**
 * The marks a printed call-down list carries, as every print and export does: DEMO DATA for
 * the demonstration coalition, EXERCISE when the request belongs to an exercise. The top bar
 * and the exercise banner that say so on screen are left out of the print, so the sheet
 * says it itself; on screen they already do, so this shows only in print.
 */
export function PrintMarks({ incidentId }: { incidentId: string | null }) {
  const demo = useMethod('demo.status', {});
  const incident = useMethod('incident.get', { id: incidentId ?? '' }, { enabled: !!incidentId });
  const marks = [incidentId && incident.data?.incident.exercise ? 'EXERCISE — EXERCISE — EXERCISE' : null, demo.data?.demo ? 'DEMO DATA — fictional coalition, not a real call-down list' : null].filter(
    (m): m is string => !!m,
  );
  if (!marks.length) return null;
  return (
    <div className="print-only" data-testid="print-marks">
      {marks.map((m) => (
        <Text key={m} fw={800} c="red.8" size="lg">
          {m}
        </Text>
      ))}
    </div>
  );
}
