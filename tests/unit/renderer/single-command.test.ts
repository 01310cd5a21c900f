import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The backend, held: each call waits until the test answers or refuses it.
const pending: { method: string; input: unknown; answer: (v: unknown) => void; refuse: (e: Error) => void }[] = [];
vi.mock('../../../renderer/src/backend', () => ({
  call: (method: string, input: unknown) => new Promise((answer, refuse) => pending.push({ method, input, answer, refuse })),
  onBackendEvent: () => () => {},
}));
// Built by a Vite plugin in the app; the guard does not need it.
vi.mock('virtual:contract-reads', () => ({ default: {} }));

const { AlreadySending, useSingleCommand } = await import('../../../renderer/src/lib/query');

type Hook = ReturnType<typeof useSingleCommand<'log.append'>>;

/**
 * The hook as a component gets it, rendered once by the server renderer (no DOM here).
 * Nothing subscribes to it, so a call's own callbacks (onSuccess…) never run: the
 * requests the backend receives are what is counted.
 */
function mount(): Hook {
  let hook: Hook | undefined;
  function Probe() {
    hook = useSingleCommand('log.append');
    return null;
  }
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  renderToString(createElement(QueryClientProvider, { client }, createElement(Probe)));
  return hook!;
}

const input = (text: string) => ({ text }) as never;
/** Lets the mutation's own promise chain run (its callbacks are awaited in microtasks and a zero timer). */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('useSingleCommand: a save pressed twice while it travels is sent once', () => {
  beforeEach(() => {
    pending.length = 0;
  });

  it('sends one request for two calls made in the same moment, and takes a new one once it is answered', async () => {
    const save = mount();
    save.mutate(input('first'));
    save.mutate(input('second'));
    await settle();
    expect(pending.map((p) => p.input)).toEqual([{ text: 'first' }]);

    pending[0]!.answer({ id: 'a' });
    await settle();

    save.mutate(input('third'));
    await settle();
    expect(pending.map((p) => p.input)).toEqual([{ text: 'first' }, { text: 'third' }]);
  });

  it('is freed by a refusal too', async () => {
    const save = mount();
    save.mutate(input('first'));
    save.mutate(input('again'));
    await settle();
    pending[0]!.refuse(new Error('disk full'));
    await settle();

    save.mutate(input('retry'));
    await settle();
    expect(pending.map((p) => p.input)).toEqual([{ text: 'first' }, { text: 'retry' }]);
  });

  it('mutateAsync: a second call while one travels rejects in words and sends nothing; the first resolves as usual', async () => {
    const save = mount();
    const first = save.mutateAsync(input('first'));
    let refused: unknown;
    save.mutateAsync(input('second')).catch((e: unknown) => (refused = e));
    await settle();
    expect(refused).toBeInstanceOf(AlreadySending);
    expect((refused as Error).message).toMatch(/still on its way/);
    // mutate and mutateAsync share the one guard.
    save.mutate(input('third'));
    await settle();
    expect(pending).toHaveLength(1);

    pending[0]!.answer({ id: 'a' });
    await expect(first).resolves.toEqual({ id: 'a' });
    const next = save.mutateAsync(input('next'));
    await settle();
    expect(pending).toHaveLength(2);
    pending[1]!.refuse(new Error('refused'));
    await expect(next).rejects.toThrow('refused');
    void save.mutateAsync(input('after a refusal'));
    await settle();
    expect(pending).toHaveLength(3);
  });
});
