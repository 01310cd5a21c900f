import { call } from '../../backend';
import { downloadBase64 } from '../../lib/download';
import { runOrSay } from '../../lib/said-failure';

/** The document exactly as uploaded (the backend checks it against its recorded hash). */
export function downloadPlanFile(versionId: string): Promise<void> {
  return runOrSay('Plan file not saved', async () => {
    const f = await call('plan.file', { versionId });
    downloadBase64(f.fileName, f.base64, f.mediaType);
  });
}
