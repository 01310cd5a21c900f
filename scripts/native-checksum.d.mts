/** Writes `<file>.sha256` (sha256sum's format) and returns the hex digest. */
export function writeNativeChecksum(file: string): string;
