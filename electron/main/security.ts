import { app, BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron';
import { externalOpenDecision, externalOpenQuestion, isAllowedNavigation, isAllowedRequestUrl, isPermissionGranted } from './policy';

/**
 * Electron's security checklist applied to every web contents and to the session, in
 * one place. Installed through `web-contents-created` so a web contents this file does
 * not know about yet (a print preview, a future window) is covered too.
 */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

function hardenWebContents(contents: WebContents): void {
  const refuse = (kind: string) => (event: { url: string; preventDefault: () => void }) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    console.warn(`Refused ${kind} to ${event.url.slice(0, 200)}`);
  };
  // will-navigate covers the top document; will-frame-navigate every frame in it.
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-frame-navigate', refuse('frame navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // No new windows from a page. A link meant for the outside world (a standard's web
  // page, an e-mail address) goes to the operating system, only if it parses as https:
  // or mailto:, and, unless its site is on the allow-list, only once the operator has
  // seen the whole address and said yes.
  contents.setWindowOpenHandler(({ url }) => {
    void openExternally(url, BrowserWindow.fromWebContents(contents));
    return { action: 'deny' };
  });
}

async function openExternally(raw: string, parent: BrowserWindow | null): Promise<void> {
  const decision = externalOpenDecision(raw);
  if (decision.action === 'refuse') {
    console.warn(`Refused to open ${raw.slice(0, 200)} outside the app`);
    return;
  }
  if (decision.action === 'ask') {
    const question = { type: 'question' as const, title: 'Leave the console?', ...externalOpenQuestion(decision.url) };
    const { response } = parent ? await dialog.showMessageBox(parent, question) : await dialog.showMessageBox(question);
    if (response !== 1) return;
  }
  await shell.openExternal(decision.url).catch((e: unknown) => console.warn(`Could not open ${decision.url}: ${String(e)}`));
}

/** Permissions refused unless listed in policy, and no request leaving for the network. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl ?? contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isAllowedRequestUrl(details.url);
    if (cancel) console.warn(`Refused a request to ${details.url.slice(0, 200)}`);
    callback({ cancel });
  });
}
