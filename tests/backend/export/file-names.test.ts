import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../electron/backend/domains/export/manifest';
import { markedFileName } from '../../../electron/backend/domains/export/marks';

const at = Date.UTC(2026, 10, 25, 14, 30);

describe('export file names', () => {
  it('say what the file is, start with EXERCISE for an exercise, and carry the UTC time', () => {
    expect(exportFileName({ demo: false, exercise: true, form: 'ICS-214', incidentName: 'Ice storm: Pioneer Valley', detail: 'Situation Unit Leader', at, ext: 'pdf' })).toBe(
      'EXERCISE_ICS-214_Ice-storm-Pioneer-Valley_Situation-Unit-Leader_20261125-1430Z.pdf',
    );
    expect(exportFileName({ demo: false, exercise: false, form: 'timeline', incidentName: 'Flood', at, ext: 'csv' })).toBe('timeline_Flood_20261125-1430Z.csv');
  });

  it('keep letters of every script, drop accents and the characters file systems refuse', () => {
    expect(exportFileName({ demo: false, exercise: false, form: 'ICS-213', incidentName: 'Łódź / Kraków: "test" <1>?*|', at, ext: 'pdf' })).toBe('ICS-213_Łodz-Krakow-test-1_20261125-1430Z.pdf');
    expect(exportFileName({ demo: false, exercise: false, form: 'ICS-213', incidentName: 'Нгуен Θεσσαλονίκη', at, ext: 'pdf' })).toBe('ICS-213_Нгуен-Θεσσαλονικη_20261125-1430Z.pdf');
    expect(exportFileName({ demo: false, exercise: false, form: 'ICS-213', incidentName: '🚑 ???', at, ext: 'pdf' })).toBe('ICS-213_incident_20261125-1430Z.pdf');
  });

  it('cut a long name at a word, never leaving a dangling dash before the next part', () => {
    expect(
      exportFileName({ demo: false, exercise: true, form: 'SITREP', incidentName: 'DEMO: Pioneer Valley ice storm and power outage', detail: 'P1-v2', at, ext: 'pdf' }),
    ).toBe('EXERCISE_SITREP_DEMO-Pioneer-Valley-ice-storm-and-power_P1-v2_20261125-1430Z.pdf');
    expect(exportFileName({ demo: false, exercise: false, form: 'ICS-213', incidentName: 'Flood - River Road', at, ext: 'pdf' })).toBe('ICS-213_Flood-River-Road_20261125-1430Z.pdf');
    // One word longer than the limit is cut where it must be.
    expect(exportFileName({ demo: false, exercise: false, form: 'ICS-213', incidentName: 'x'.repeat(50), at, ext: 'pdf' })).toBe(`ICS-213_${'x'.repeat(40)}_20261125-1430Z.pdf`);
  });

  it('start with DEMO- whenever the store is the demonstration coalition, then EXERCISE- where an exercise file does not say so yet', () => {
    expect(exportFileName({ demo: true, exercise: true, form: 'AAR-IP', incidentName: 'DEMO: Pioneer Valley ice storm', at, ext: 'pdf' })).toBe('DEMO-EXERCISE_AAR-IP_DEMO-Pioneer-Valley-ice-storm_20261125-1430Z.pdf');
    expect(exportFileName({ demo: true, exercise: false, form: 'Timeline', incidentName: 'Flood', at, ext: 'csv' })).toBe('DEMO-Timeline_Flood_20261125-1430Z.csv');
    expect(markedFileName('ICS-213RR-WS1-RR-0001-EXERCISE.pdf', { demo: true, exercise: true })).toBe('DEMO-ICS-213RR-WS1-RR-0001-EXERCISE.pdf');
    expect(markedFileName('map-2026-11-25-1430Z.pdf', { demo: false, exercise: true })).toBe('EXERCISE-map-2026-11-25-1430Z.pdf');
    expect(markedFileName('DEMO-map-organisations-2026-11-25.kml', { demo: true })).toBe('DEMO-map-organisations-2026-11-25.kml');
    expect(markedFileName('directory-2026-11-25.csv', { demo: false })).toBe('directory-2026-11-25.csv');
  });
});
