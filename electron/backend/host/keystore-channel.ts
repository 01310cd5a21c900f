import { z } from 'zod';
import type { Sealer } from '../identity/key-store';

/**
 * How the backend's utility process borrows Electron's safeStorage, which only the main
 * process has: it asks main to seal or unseal the private key's bytes. These messages ride
 * beside the request/response ones and are answered by electron/main/keystore.ts; main
 * never keeps the key.
 */
export type KeystoreOp = 'status' | 'seal' | 'unseal';

export interface KeystoreRequest {
  type: 'keystore';
  id: number;
  op: KeystoreOp;
  /** Base64 bytes to seal or unseal. */
  data?: string;
}

export const keystoreRequest = z.object({
  type: z.literal('keystore'),
  id: z.number().int().nonnegative(),
  op: z.enum(['status', 'seal', 'unseal']),
  data: z.string().max(1_000_000).optional(),
});

export const keystoreReply = z.object({
  type: z.literal('keystore-reply'),
  id: z.number().int().nonnegative(),
  ok: z.boolean(),
  data: z.string().optional(),
  /** For `status`: whether the OS key store can seal, and in words what it is. */
  available: z.boolean().optional(),
  protection: z.string().optional(),
  message: z.string().optional(),
});
export type KeystoreReply = z.infer<typeof keystoreReply>;

export interface KeystoreClient {
  /** Takes a message from main if it is a keystore reply; returns whether it was one. */
  receive(message: unknown): boolean;
  /** A sealer backed by main's safeStorage, or the reason there is none. */
  sealer(): Promise<{ sealer: Sealer } | { unavailable: string }>;
}

export function createKeystoreClient(post: (m: KeystoreRequest) => void, timeoutMs = 30_000): KeystoreClient {
  let next = 1;
  const waiting = new Map<number, (r: KeystoreReply) => void>();

  function ask(op: KeystoreOp, data?: Uint8Array): Promise<KeystoreReply> {
    const id = next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('The main process did not answer a key-store request'));
      }, timeoutMs);
      waiting.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      post({ type: 'keystore', id, op, ...(data ? { data: Buffer.from(data).toString('base64') } : {}) });
    });
  }

  async function transform(op: 'seal' | 'unseal', bytes: Uint8Array): Promise<Uint8Array> {
    const r = await ask(op, bytes);
    if (!r.ok || r.data === undefined) throw new Error(r.message ?? `The OS key store could not ${op} the key`);
    return Buffer.from(r.data, 'base64');
  }

  return {
    receive(message) {
      const parsed = keystoreReply.safeParse(message);
      if (!parsed.success) return false;
      waiting.get(parsed.data.id)?.(parsed.data);
      waiting.delete(parsed.data.id);
      return true;
    },
    async sealer() {
      const r = await ask('status');
      if (!r.ok || !r.available) return { unavailable: r.message ?? 'the OS key store is not available' };
      const protection = r.protection ?? "the operating system's key store";
      return {
        sealer: {
          protection,
          seal: (b) => transform('seal', b),
          unseal: (b) => transform('unseal', b),
        },
      };
    },
  };
}
