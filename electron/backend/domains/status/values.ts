import { unitFor, type ReportValue, type StoredValue } from '../../../../shared/domain/status-rules';
import { invalid } from '../../errors';
import { formatLocal } from '../incident/time';
import type { TypeDef } from './catalogue';

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/**
 * A typed value in the form it is stored in, checked against its status type's kind.
 * Plausibility (ranges, baselines, jumps) is not checked here: that is a flag the operator
 * confirms, never a refusal. Only a value of the wrong kind is refused.
 */
export function toStored(t: TypeDef, raw: number | boolean | string): StoredValue {
  switch (t.kind) {
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : NaN;
      if (!Number.isFinite(n)) throw invalid(`${t.label} must be a number${t.unit ? ` of ${t.unit}` : ''}`);
      return { n, s: null };
    }
    case 'datetime': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : NaN;
      if (!Number.isFinite(n) || !Number.isInteger(n)) throw invalid(`${t.label} must be a date and time`);
      return { n, s: null };
    }
    case 'yes_no': {
      const s = typeof raw === 'boolean' ? (raw ? 'yes' : 'no') : String(raw).trim().toLowerCase();
      if (YES.has(s)) return { n: null, s: 'yes' };
      if (NO.has(s)) return { n: null, s: 'no' };
      throw invalid(`${t.label} must be yes or no`);
    }
    case 'choice': {
      const s = String(raw).trim().toLowerCase();
      const hit = t.choices.find((c) => c.value === s || c.label.toLowerCase() === s);
      if (!hit) throw invalid(`${t.label} must be one of: ${t.choices.map((c) => c.label).join(', ')}`);
      return { n: null, s: hit.value };
    }
    case 'text': {
      if (typeof raw !== 'string' || !raw.trim()) throw invalid(`${t.label} must be text`);
      return { n: null, s: raw.trim() };
    }
  }
}

const fmtNumber = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 1 }));

/** The value in words: "12 beds", "On diversion", "Yes", "2026-11-25 14:30 EST". */
export function display(t: TypeDef, v: StoredValue, timeZone: string): string {
  switch (t.kind) {
    case 'number':
      return v.n === null ? '' : `${fmtNumber(v.n)}${t.unit ? ` ${unitFor(t.unit, v.n)}` : ''}`;
    case 'datetime':
      return v.n === null ? '' : formatLocal(v.n, timeZone);
    case 'yes_no':
      return v.s === 'yes' ? 'Yes' : v.s === 'no' ? 'No' : '';
    case 'choice':
      return t.choices.find((c) => c.value === v.s)?.label ?? v.s ?? '';
    case 'text':
      return v.s ?? '';
  }
}


export type { ReportValue };

export const parseVals = (json: string): ReportValue[] => JSON.parse(json) as ReportValue[];
