import { call } from '../../backend';
import { downloadText } from '../../lib/download';
import { savePrint } from '../activation/print-sheet';

/** The XML exactly as issued (its SHA-256 is in the record). */
export async function saveAlertXml(id: string): Promise<void> {
  const { alert, xml } = await call('alert.get', { id });
  downloadText(`${alert.status === 'Exercise' ? 'EXERCISE_' : ''}CAP_${alert.identifier.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 80)}.xml`, xml, 'application/xml');
}

export async function printAlert(id: string): Promise<void> {
  savePrint(await call('alert.print', { id }), 'CAP alert (PDF)');
}
