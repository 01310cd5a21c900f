import { beforeEach, describe, expect, it, vi } from 'vitest';

// The backend: each method answers what the test sets, or refuses.
const answers = new Map<string, unknown>();
vi.mock('../../../renderer/src/backend', () => ({
  call: (method: string) => {
    const a = answers.get(method);
    return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
  },
}));
const shown: { title: string; message: string; color: string }[] = [];
vi.mock('@mantine/notifications', () => ({ notifications: { show: (n: (typeof shown)[number]) => shown.push(n) } }));
const saved: string[] = [];
vi.mock('../../../renderer/src/lib/download', () => ({ downloadText: (name: string) => saved.push(name) }));
const printed: unknown[] = [];
vi.mock('../../../renderer/src/features/activation/print-sheet', () => ({ savePrint: (p: unknown) => printed.push(p) }));

const { printAlert, saveAlertXml } = await import('../../../renderer/src/features/alert/save-alert');

const alert = { alert: { status: 'Exercise', identifier: 'EOC-2026-12-07/1' }, xml: '<alert/>' };

describe('saving an issued CAP alert', () => {
  beforeEach(() => {
    answers.clear();
    shown.length = saved.length = printed.length = 0;
  });

  it('names the file with the exercise and demonstration marks', async () => {
    answers.set('alert.get', alert);
    answers.set('demo.status', { demo: true });
    await saveAlertXml('a1');
    expect(saved).toEqual(['DEMO-EXERCISE_CAP_EOC-2026-12-07_1.xml']);
    expect(shown).toEqual([]);
  });

  it('says in words when the file could not be made, and saves nothing', async () => {
    answers.set('alert.get', alert);
    answers.set('demo.status', new Error('The backend is not answering.'));
    await expect(saveAlertXml('a1')).resolves.toBeUndefined();
    expect(saved).toEqual([]);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ color: 'red', title: 'CAP XML file not saved' });
    expect(shown[0]!.message).toContain('The backend is not answering.');
  });

  it('says in words when the print could not be made', async () => {
    answers.set('alert.print', new Error('No such alert.'));
    await expect(printAlert('a1')).resolves.toBeUndefined();
    expect(printed).toEqual([]);
    expect(shown[0]).toMatchObject({ color: 'red', title: 'CAP alert not printed' });
  });
});
