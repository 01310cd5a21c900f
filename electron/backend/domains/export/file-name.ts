/** A name an operator typed, made safe for a file name: letters and digits joined by '-', at most 60. */
export function fileNamePart(name: string, fallback: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || fallback;
}
