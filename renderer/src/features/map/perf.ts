/**
 * Times one phase of drawing the map as a performance measure named "map:<phase>": seen in
 * a browser's profiler, and summed per first render by the map benchmark. Only the latest
 * of each name is kept in the page's buffer, so a long shift of panning does not fill it.
 */
export function timed<T>(phase: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    const name = `map:${phase}`;
    performance.clearMeasures(name);
    performance.measure(name, { start });
  }
}
