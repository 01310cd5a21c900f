import type http from 'node:http';

/** The port (or address) could not be bound; the message is the sentence to show. */
export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ListenError';
  }
}

export function explainListenError(e: NodeJS.ErrnoException, host: string, port: number): ListenError {
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  switch (e.code) {
    case 'EADDRINUSE':
      return new ListenError(
        `Port ${port} on ${host} is already in use by another program (perhaps another console). ` +
          'Close that program, or start with --port <number> for another port (--port 0 takes any free one).',
        e.code,
      );
    case 'EACCES':
      return new ListenError(
        `This user may not listen on ${where} (ports below 1024 need administrator rights). Choose --port 1024 or above.`,
        e.code,
      );
    case 'EADDRNOTAVAIL':
      return new ListenError(`${host} is not an address of this machine; use --host 127.0.0.1 (the default).`, e.code);
    default:
      return new ListenError(`Could not listen on ${where}: ${e.message}`, e.code ?? 'UNKNOWN');
  }
}

/** Listens, turning the operating system's refusal into a sentence an operator can act on. */
export function listenOrExplain(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => reject(explainListenError(e, host, port));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      // After listening, a server error (rare: the interface went away) is logged, never thrown.
      server.on('error', (e) => console.warn(`Browser host: ${e.message}`));
      resolve();
    });
  });
}

/** When the default port is taken, the next few are tried before any free one. */
export const NEXT_PORTS = 10;

/**
 * The default port is taken (another console, another program): take the next free one,
 * or any free one, and say which. Only for a port the operator did not choose.
 */
export async function startNearPort<T>(taken: number, start: (port: number) => Promise<T>, say: (m: string) => void): Promise<T> {
  for (let p = taken + 1; p <= Math.min(65535, taken + NEXT_PORTS); p++) {
    try {
      const started = await start(p);
      say(`Port ${taken} is in use by another program; using port ${p} instead.`);
      return started;
    } catch (e) {
      if (!(e instanceof ListenError) || e.code !== 'EADDRINUSE') throw e;
    }
  }
  const started = await start(0);
  say(`Ports ${taken} to ${taken + NEXT_PORTS} are in use by other programs; using a free port instead.`);
  return started;
}
