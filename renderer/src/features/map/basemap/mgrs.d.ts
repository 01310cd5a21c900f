declare module 'mgrs' {
  /** [longitude, latitude] to an MGRS string at the given number of digits per coordinate (1-5). */
  export function forward(ll: [number, number], accuracy?: number): string;
  export function toPoint(mgrs: string): [number, number];
}
