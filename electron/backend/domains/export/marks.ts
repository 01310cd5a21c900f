/**
 * The words that mark the demonstration coalition on every print and export: at the top of
 * every page of a form, and first in the descriptions an XML export carries, so a reader of
 * any page or message sees them.
 */
export const DEMO_MARK = 'DEMO DATA - FICTIONAL COALITION, NOT A REAL RECORD';

/** The file name's marks follow the same rule (shared with the renderer, which names a few files itself). */
export { markedFileName } from '../../../../shared/domain/file-marks';
