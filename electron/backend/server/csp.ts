/**
 * The one content security policy of the console's pages, for the Electron window and the
 * browser host alike. No remote origin anywhere and no `unsafe-eval`. `style-src
 * 'unsafe-inline'` because Mantine injects <style> elements at run time. `form-action
 * 'none'`: the app submits forms through the contract, so a form that forgot
 * preventDefault must not navigate. `connectOrigin`: the browser host's own WebSocket.
 */
export function contentSecurityPolicy(connectOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connectOrigin ? ` ${connectOrigin}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
