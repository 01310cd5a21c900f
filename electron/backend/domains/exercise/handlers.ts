import type { exerciseMethods } from '../../../../shared/contract/exercise';
import { notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { coalitionToday } from '../directory/queries';
import { getExercise, listExercises } from './queries';
import { openExercise, removeExercise, removeParticipant, saveExercise, saveParticipant, setAttendance, setObjectives } from './writes';

export const exerciseHandlers: HandlersFor<keyof typeof exerciseMethods> = {
  'exercise.list': (input, { db, services }) => ({ exercises: listExercises(db, coalitionToday(db, services.now()), input.year) }),
  'exercise.get': (input, { db, services }) => {
    const exercise = getExercise(db, input.id, coalitionToday(db, services.now()));
    if (!exercise) throw notFound('That exercise or course');
    return { exercise };
  },
  'exercise.save': (input, ctx) => ctx.write((tx) => ({ id: saveExercise(tx, ctx.db, input) })),
  'exercise.remove': (input, ctx) => ctx.write((tx) => ({ removed: removeExercise(tx, ctx.db, input.id) })),
  'exercise.setObjectives': (input, ctx) => ctx.write((tx) => ({ objectives: setObjectives(tx, ctx.db, input) })),
  'exercise.saveParticipant': (input, ctx) => ctx.write((tx) => ({ id: saveParticipant(tx, ctx.db, input) })),
  'exercise.removeParticipant': (input, ctx) => ctx.write((tx) => ({ removed: removeParticipant(tx, ctx.db, input.id) })),
  'exercise.setAttendance': (input, ctx) =>
    ctx.write((tx) => {
      setAttendance(tx, ctx.db, input.id, input.attended);
      return { id: input.id };
    }),
  'exercise.open': (input, ctx) => ctx.write((tx) => ({ incidentId: openExercise(tx, ctx.db, input) })),
};
