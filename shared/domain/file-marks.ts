/**
 * The name the console proposes for a file it exports, marked as its content is, so that a
 * file is known for what it is in a folder listing before anyone opens it: `DEMO-` first
 * whenever the store is the demonstration coalition (the same rule as the content's marks:
 * the store, not the record, decides), then `EXERCISE-` for a file of an exercise incident
 * whose name does not already say EXERCISE.
 */
export function markedFileName(name: string, marks: { demo: boolean; exercise?: boolean }): string {
  const exercise = marks.exercise && !/EXERCISE/i.test(name) ? `EXERCISE-${name}` : name;
  return marks.demo && !exercise.startsWith('DEMO-') ? `DEMO-${exercise}` : exercise;
}
