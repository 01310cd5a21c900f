import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { methods } from './shared/contract';

/**
 * Three bundles: the main process (with more Node entries: the backend host run in a
 * utilityProcess, the browser host's server, the supervisor that restarts it, the CLI),
 * the sandboxed preload (CommonJS, as a sandboxed preload must be), and the renderer.
 */
const appVersion = JSON.stringify((JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string }).version);

/**
 * `virtual:contract-reads`: which tables each contract method reads, taken from the
 * contract when the renderer is built, so the page knows what a change makes stale
 * without evaluating the contract's ~2,700 validators (about 140 ms of its main thread).
 */
function contractReads(): Plugin {
  const id = 'virtual:contract-reads';
  return {
    name: 'contract-reads',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (loaded) =>
      loaded === `\0${id}` ? `export default ${JSON.stringify(Object.fromEntries(Object.entries(methods).map(([name, def]) => [name, def.reads ?? null])))};` : null,
  };
}

/**
 * The screens a start shows most often, sign-in and first run (renderer/src/app/first-screens.ts;
 * the Gate loads both as it starts): their chunks are named in the page's HTML, beside the
 * start script, so that the browser fetches them while it fetches that script, instead of
 * once the script has run and the Gate has asked for them. The page then shows the screen
 * without a fetch of its chunk between the answers and the screen.
 */
const likelyFirstScreens = [
  '/renderer/src/features/session/SignInScreen.tsx',
  '/renderer/src/features/setup/SetupScreen.tsx',
];

function preloadLikelyFirstScreens(): Plugin {
  let base = './';
  return {
    name: 'preload-likely-first-screens',
    configResolved: (config) => void (base = config.base),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const chunks = new Map(
          Object.values(ctx.bundle)
            .filter((c): c is OutputChunk => c.type === 'chunk')
            .map((c) => [c.fileName, c]),
        );
        const wanted = new Set<string>();
        const visit = (fileName: string): void => {
          if (wanted.has(fileName)) return;
          wanted.add(fileName);
          for (const i of chunks.get(fileName)?.imports ?? []) visit(i);
        };
        for (const screen of likelyFirstScreens)
          for (const c of chunks.values()) if (c.moduleIds.some((id) => id.endsWith(screen))) visit(c.fileName);
        // The start script and what it imports are in the HTML already.
        return [...wanted]
          .filter((f) => !html.includes(f))
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${f}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  main: {
    define: { __APP_VERSION__: appVersion },
    build: {
      // Bundled rather than loaded from node_modules: pure-JS packages the browser host's
      // start evaluates, published as many small ES modules (zod alone is about 100 files).
      // Resolving and reading each at start cost more than compiling them as part of the
      // bundle (measured by the start-up bench, tests/bench/foundation.ts). The XML, CSV and
      // map-pack parsers: the backend's load took about 80 ms less CPU (of ~320) bundled.
      // fflate stays out: its Node build declares its own `require`, which clashes in a bundle.
      externalizeDeps: { exclude: ['zod', 'uuid', 'fast-xml-parser', 'pmtiles', 'papaparse'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'backend-host': resolve(__dirname, 'electron/backend/host/utility.ts'),
          server: resolve(__dirname, 'electron/backend/server/cli.ts'),
          // The browser host's backend thread, started by server.js (server/worker.ts).
          'backend-worker': resolve(__dirname, 'electron/backend/server/worker.ts'),
          'host-supervisor': resolve(__dirname, 'electron/backend/server/supervise.ts'),
          cli: resolve(__dirname, 'electron/backend/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), contractReads(), preloadLikelyFirstScreens()],
    build: {
      // electron-vite leaves the renderer unminified; a smaller bundle starts faster.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
