import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../electron/backend/domains/export/manifest';

const at = Date.UTC(2026, 10, 25, 14, 30);

describe('export file names', () => {
  it('say what the file is, start with EXERCISE for an exercise, and carry the UTC time', () => {
    expect(exportFileName({ exercise: true, form: 'ICS-214', incidentName: 'Ice storm: Pioneer Valley', detail: 'Situation Unit Leader', at, ext: 'pdf' })).toBe(
      'EXERCISE_ICS-214_Ice-storm-Pioneer-Valley_Situation-Unit-Leader_20261125-1430Z.pdf',
    );
    expect(exportFileName({ exercise: false, form: 'timeline', incidentName: 'Flood', at, ext: 'csv' })).toBe('timeline_Flood_20261125-1430Z.csv');
  });

  it('keep letters of every script, drop accents and the characters file systems refuse', () => {
    expect(exportFileName({ exercise: false, form: 'ICS-213', incidentName: 'Łódź / Kraków: "test" <1>?*|', at, ext: 'pdf' })).toBe('ICS-213_Łodz-Krakow-test-1_20261125-1430Z.pdf');
    expect(exportFileName({ exercise: false, form: 'ICS-213', incidentName: 'Нгуен Θεσσαλονίκη', at, ext: 'pdf' })).toBe('ICS-213_Нгуен-Θεσσαλονικη_20261125-1430Z.pdf');
    expect(exportFileName({ exercise: false, form: 'ICS-213', incidentName: '🚑 ???', at, ext: 'pdf' })).toBe('ICS-213_incident_20261125-1430Z.pdf');
  });
});
