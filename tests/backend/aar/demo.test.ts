import { describe, expect, it } from 'vitest';
import { openBackend } from '../helpers/backend';

describe('the demonstration coalition’s after-action work', () => {
  it('has the storm’s report in progress, a recurring and an overdue corrective action, and a year of training and exercises', async () => {
    const t = await openBackend();
    const { incidentId } = await t.call('demo.load', { workstationName: 'EOC-1' });
    const view = (await t.call('aar.get', { incidentId: incidentId! })).view!;
    expect(view.report).toMatchObject({ status: 'draft', exercise: true });
    expect(view.demo).toBe(true);
    const accepted = view.observations.filter((o) => o.status === 'accepted');
    expect(accepted.filter((o) => o.ruleKey)).toHaveLength(2);
    expect(view.observations.some((o) => o.status === 'candidate')).toBe(true);
    expect(view.objectives.flatMap((o) => o.ratings).filter((r) => r.rating).length).toBeGreaterThanOrEqual(4);
    expect(view.actions.filter((a) => a.overdue)).toHaveLength(1);
    expect(view.actions.filter((a) => a.recurring)).toHaveLength(1);
    const recurring = view.observations.find((o) => o.recurrences.length)!;
    expect(recurring.recurrences[0]!.incidentName).toBe('DEMO: Coalition surge tabletop');
    expect(view.sections.find((s) => s.key === 'summary')!.heads).toHaveLength(2);

    const board = await t.call('aar.actionBoard', { show: 'all' });
    // The spring tabletop's contact list action is overdue too: the board shows both events.
    expect(board.counts).toMatchObject({ all: 5, overdue: 2, recurring: 1 });
    const { exercises } = await t.call('exercise.list', {});
    expect(exercises).toHaveLength(8);
    expect(exercises.filter((x) => x.surgeExercise)).toHaveLength(1);
    expect(exercises.find((x) => x.incidentId && x.state === 'conducted')!.title).toBe('DEMO: Coalition surge tabletop');
    // Past courses and exercises not run as an incident read as conducted; the MRSE ahead is planned.
    expect(exercises.find((x) => x.surgeExercise)!.state).toBe('planned');
    expect(exercises[0]!.state).toBe('conducted');
    const docx = await t.call('aar.document', { incidentId: incidentId!, format: 'docx' });
    expect(docx.bytes).toBeGreaterThan(10_000);
  });
});
