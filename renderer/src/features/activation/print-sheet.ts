import { notifications } from '@mantine/notifications';
import type { PrintResult } from '../../../../shared/contract';
import { downloadBase64 } from '../../lib/download';

/** Saves a print the backend made (and audited), saying so. */
export function savePrint(p: PrintResult, what: string): void {
  downloadBase64(p.fileName, p.base64, p.mimeType);
  notifications.show({ color: 'teal', title: `${what} saved`, message: `${p.fileName}${p.pages ? ` · ${p.pages} page${p.pages === 1 ? '' : 's'}` : ''}` });
}
