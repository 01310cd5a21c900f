import { describe, expect, it } from 'vitest';
import { openReadyBackend } from '../helpers/backend';

async function planned() {
  const t = await openReadyBackend();
  const { frameworks } = await t.call('aar.frameworks', {});
  const hpp = frameworks.find((f) => f.shortName === 'HPP 2023')!;
  const cap = (title: string) => hpp.capabilities.find((c) => c.title === title)!.id;
  const { id } = await t.call('exercise.save', {
    title: '2099 Medical Response and Surge Exercise',
    type: 'functional',
    startsOn: '2099-04-14',
    endsOn: '2099-04-14',
    location: 'Coalition EOC, Northampton',
    scenario: 'A tornado damages a 200-bed hospital; 20% of staffed beds must be evacuated.',
    hazard: 'Tornado',
    sponsor: 'Region 1 HMCC',
    poc: 'Pat Planner',
    frameworkId: hpp.id,
    capabilityIds: [cap('Patient Movement and Distribution')],
    surgeExercise: true,
  });
  await t.call('exercise.setObjectives', {
    exerciseId: id,
    objectives: [
      { text: 'Identify receiving beds for every evacuating patient within 90 minutes.', capabilityIds: [cap('Patient Movement and Distribution'), cap('Information Management')] },
      { text: 'Stand up the coalition EOC within 60 minutes of notification.', capabilityIds: [cap('Incident Management and Coordination')] },
    ],
  });
  return { t, id, hpp, cap };
}

describe('the training and exercise calendar', () => {
  it('lists courses and exercises by date with type, capabilities, objectives and attendance', async () => {
    const { t, id } = await planned();
    await t.call('exercise.save', { title: 'ICS-300 course', type: 'course', startsOn: '2099-02-03', endsOn: '2099-02-05' });
    const org = (await t.call('directory.saveOrganisation', { name: 'Mercy Medical Center', discipline: 'hospital', membership: 'core', town: 'Springfield', zip: '01104' })).organisation;
    const p = await t.call('exercise.saveParticipant', { exerciseId: id, organisationId: org.id, name: 'Mercy Medical Center', role: 'Evacuating hospital' });
    await t.call('exercise.setAttendance', { id: p.id, attended: true });
    const { exercises } = await t.call('exercise.list', { year: 2099 });
    expect(exercises.map((x) => [x.startsOn, x.title, x.type, x.state])).toEqual([
      ['2099-02-03', 'ICS-300 course', 'course', 'planned'],
      ['2099-04-14', '2099 Medical Response and Surge Exercise', 'functional', 'planned'],
    ]);
    expect(exercises[1]).toMatchObject({ surgeExercise: true, capabilityLabels: ['3 Patient Movement and Distribution'], participants: [{ name: 'Mercy Medical Center', attended: true }] });
    expect(exercises[1]!.objectives.map((o) => o.capabilityIds.length)).toEqual([2, 1]);
    expect((await t.call('exercise.list', { year: 2098 })).exercises).toEqual([]);
    expect(await t.raw('exercise.save', { title: 'Backwards', type: 'drill', startsOn: '2099-05-02', endsOn: '2099-05-01' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('The end date is before the start date') },
    });
    expect(await t.raw('exercise.saveParticipant', { exerciseId: id, name: 'mercy medical center' })).toMatchObject({ ok: false, error: { message: 'mercy medical center is already on the roster' } });
  });

  it('opens an exercise as an exercise incident whose after-action report starts from its objectives and capabilities', async () => {
    const { t, id, hpp, cap } = await planned();
    const { levels } = await t.call('incident.levels', {});
    const { incidentId } = await t.call('exercise.open', { id, activationLevelId: levels[0]!.id });
    const { incident, currentPeriod } = await t.call('incident.get', { id: incidentId });
    expect(incident).toMatchObject({ exercise: true, name: '2099 Medical Response and Surge Exercise', hazardType: 'Tornado' });
    expect(currentPeriod!.objectives.map((o) => o.text)).toEqual([
      'Identify receiving beds for every evacuating patient within 90 minutes.',
      'Stand up the coalition EOC within 60 minutes of notification.',
    ]);
    expect((await t.call('exercise.get', { id })).exercise).toMatchObject({ state: 'running', incidentId });
    expect(await t.raw('exercise.open', { id, activationLevelId: levels[0]!.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('is already open') } });
    expect(await t.raw('exercise.remove', { id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    await t.call('aar.draft', { incidentId });
    const view = (await t.call('aar.get', { incidentId })).view!;
    expect(view.report).toMatchObject({ exerciseId: id, frameworkId: hpp.id, exercise: true });
    expect(view.objectives.map((o) => [o.source, o.ratings.map((r) => r.capabilityId)])).toEqual([
      ['exercise', [cap('Information Management'), cap('Patient Movement and Distribution')]],
      ['exercise', [cap('Incident Management and Coordination')]],
    ]);
    expect(view.sections.find((s) => s.key === 'scenario')!.heads[0]!.text).toContain('20% of staffed beds');
    expect(view.sections.find((s) => s.key === 'scope')!.heads[0]!.text).toContain('This functional exercise was held on 2099-04-14 at Coalition EOC, Northampton.');
    const rated = await t.call('aar.rate', { objectiveId: view.objectives[0]!.id, capabilityId: cap('Information Management'), rating: 'S' });
    expect(rated.id).toBe(view.objectives[0]!.ratings[0]!.id);
    expect((await t.call('aar.get', { incidentId })).view!.objectives[0]!.ratings.map((r) => r.rating)).toEqual(['S', null]);
  });

  it('does not open a course as an incident, nor a cancelled exercise', async () => {
    const { t, id } = await planned();
    const { levels } = await t.call('incident.levels', {});
    const course = await t.call('exercise.save', { title: 'ICS-300 course', type: 'course', startsOn: '2099-02-03', endsOn: '2099-02-05' });
    expect(await t.raw('exercise.open', { id: course.id, activationLevelId: levels[0]!.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('A training course is not run as an incident') } });
    const x = (await t.call('exercise.get', { id })).exercise;
    await t.call('exercise.save', { id, title: x.title, type: x.type, startsOn: x.startsOn, endsOn: x.endsOn, cancelled: true });
    expect(await t.raw('exercise.open', { id, activationLevelId: levels[0]!.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('was cancelled') } });
  });
});
