/** A count with its noun agreeing: "1 patient", "3 patients", plural(2, 'facility', 'facilities'). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
