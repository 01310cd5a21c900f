import net from 'node:net';

/** Whether a TCP port can be listened on at `host` right now. */
function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** The first free port after `port`, looking at most `tries` ports further; null if none. */
export async function nextFreePort(host: string, port: number, tries = 20): Promise<number | null> {
  for (let p = port + 1; p <= Math.min(65_535, port + tries); p++) {
    if (await isFree(host, p)) return p;
  }
  return null;
}

/**
 * The sentence an operator reads when the port asked for is taken, instead of a stack
 * trace: what happened, and the command that works (the next free port, or any free one).
 */
export function portInUseMessage(host: string, port: number, free: number | null): string {
  const retry = free ? `Start it with --port ${free} (free now), or --port 0 for any free port.` : 'Start it with --port 0 for any free port.';
  return `Port ${port} on ${host} is already in use (another console or program is listening on it). ${retry}`;
}
