import { call } from '../../backend';
import { downloadBase64 } from '../../lib/download';

/** The document exactly as uploaded (the backend checks it against its recorded hash). */
export async function downloadPlanFile(versionId: string): Promise<void> {
  const f = await call('plan.file', { versionId });
  downloadBase64(f.fileName, f.base64, f.mediaType);
}
