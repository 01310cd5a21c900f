import { expect, launchProblem, test, type PageGlobals } from './desktop';

/** Main-process globals a test leaves between two `app.evaluate` calls. */
interface MainGlobals {
  navigationAttempt?: Promise<{ url: string; prevented: boolean }>;
}

test.describe('the desktop console', () => {
  test.skip(launchProblem !== null, `Electron cannot run here: ${launchProblem ?? ''}`);

  test('exposes exactly window.eoc.invoke and onEvent to the page, and no Node', async ({ desktop }) => {
    const seen = await desktop.window.evaluate(() => {
      const g = globalThis as unknown as PageGlobals & Record<string, unknown>;
      return {
        keys: Object.keys(g.eoc ?? {}).sort(),
        invoke: typeof g.eoc?.invoke,
        onEvent: typeof g.eoc?.onEvent,
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        ipcRenderer: typeof g.ipcRenderer,
      };
    });
    expect(seen).toEqual({
      keys: ['invoke', 'onEvent'],
      invoke: 'function',
      onEvent: 'function',
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  test('answers system.ping through the bridge, and refuses a malformed request', async ({ desktop }) => {
    const [ping, malformed] = await desktop.window.evaluate(async () => {
      const eoc = (globalThis as unknown as PageGlobals).eoc!;
      return [await eoc.invoke({ id: 'smoke-1', method: 'system.ping', input: {} }), await eoc.invoke({ method: 42 })];
    });
    expect(ping).toMatchObject({ id: 'smoke-1', ok: true, result: { now: expect.any(Number) } });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  test('shows first-run setup on an empty store', async ({ desktop }) => {
    await expect(desktop.window.getByTestId('setup-form')).toBeVisible();
    expect(desktop.window.url()).toMatch(/^app:\/\/eoc\//);
  });

  test('serves the page with the strict CSP, so eval is refused', async ({ desktop }) => {
    const { csp, evalResult } = await desktop.window.evaluate(async () => {
      const csp = (await fetch('/')).headers.get('content-security-policy');
      let evalResult = 'allowed';
      try {
        // Indirect eval: the CSP (no 'unsafe-eval') must refuse it.
        (0, eval)('1');
      } catch {
        evalResult = 'refused';
      }
      return { csp, evalResult };
    });
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(evalResult).toBe('refused');
  });

  test('refuses a navigation to a remote site', async ({ desktop }) => {
    // Listen after the app's own guard, so the listener sees whether the guard prevented it.
    await desktop.app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      (globalThis as MainGlobals).navigationAttempt = new Promise((resolve) => {
        contents.once('will-navigate', (event) => resolve({ url: event.url, prevented: event.defaultPrevented }));
      });
    });
    await desktop.window.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    const attempt = await desktop.app.evaluate(() => (globalThis as MainGlobals).navigationAttempt);
    expect(attempt).toEqual({ url: 'https://example.com/', prevented: true });
    expect(await desktop.window.evaluate(() => window.location.origin)).toBe('app://eoc');
  });

  test('opens no window from the page: window.open returns null', async ({ desktop }) => {
    const results = await desktop.window.evaluate(() => [window.open('about:blank'), window.open('app://eoc/')]);
    expect(results).toEqual([null, null]);
    expect(await desktop.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
