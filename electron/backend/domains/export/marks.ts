/**
 * The words that mark the demonstration coalition on every print and export: at the top of
 * every page of a form, and first in the descriptions an XML export carries, so a reader of
 * any page or message sees them.
 */
export const DEMO_MARK = 'DEMO DATA - FICTIONAL COALITION, NOT A REAL RECORD';
