import { app, shell, type Session, type WebContents } from 'electron';
import { externalUrlToOpen, isAllowedNavigation, isAllowedRequestUrl, isPermissionGranted } from './policy';

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
  // page, an e-mail address) goes to the operating system, and only if it parses as
  // https: or mailto:.
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) {
      shell.openExternal(external).catch((e: unknown) => console.warn(`Could not open ${external}: ${String(e)}`));
    }
    return { action: 'deny' };
  });
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
