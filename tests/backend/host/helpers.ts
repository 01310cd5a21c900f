import type { HostToMain } from '../../../electron/backend/host/messages';

/** Collects what a host posts, and lets a test wait for a message without sleeping. */
export class Inbox {
  readonly messages: HostToMain[] = [];
  private waiters: { match: (m: HostToMain) => boolean; resolve: (m: HostToMain) => void }[] = [];

  readonly post = (message: HostToMain): void => {
    // Structured clone, as postMessage does, so nothing passes by reference.
    const copy = structuredClone(message);
    this.messages.push(copy);
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(copy)) return true;
      w.resolve(copy);
      return false;
    });
  };

  next<T extends HostToMain['type']>(type: T, match: (m: Extract<HostToMain, { type: T }>) => boolean = () => true) {
    const test = (m: HostToMain): m is Extract<HostToMain, { type: T }> =>
      m.type === type && match(m as Extract<HostToMain, { type: T }>);
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise<Extract<HostToMain, { type: T }>>((resolve) => {
      this.waiters.push({ match: test, resolve: (m) => resolve(m as Extract<HostToMain, { type: T }>) });
    });
  }

  ofType<T extends HostToMain['type']>(type: T): Extract<HostToMain, { type: T }>[] {
    return this.messages.filter((m): m is Extract<HostToMain, { type: T }> => m.type === type);
  }
}
