import { call } from '../../backend';
import { markedFileName } from '../../../../shared/domain/file-marks';
import { downloadText } from '../../lib/download';
import { runOrSay } from '../../lib/said-failure';
import { savePrint } from '../activation/print-sheet';

/**
 * The XML exactly as issued (its SHA-256 is in the record). A failure is said in words: the
 * buttons that call this do not wait for it, and an alert issued whose file silently never
 * came would be sent on by nobody.
 */
export function saveAlertXml(id: string): Promise<void> {
  return runOrSay('CAP XML file not saved', async () => {
    const [{ alert, xml }, { demo }] = await Promise.all([call('alert.get', { id }), call('demo.status', {})]);
    // Named as every export of the demonstration coalition is: DEMO- first.
    downloadText(markedFileName(`${alert.status === 'Exercise' ? 'EXERCISE_' : ''}CAP_${alert.identifier.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 80)}.xml`, { demo }), xml, 'application/xml');
  });
}

export function printAlert(id: string): Promise<void> {
  return runOrSay('CAP alert not printed', async () => savePrint(await call('alert.print', { id }), 'CAP alert (PDF)'));
}
