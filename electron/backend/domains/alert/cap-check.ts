import type * as Xmldom from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { lazyPackage } from '../../lazy-package';

// Loaded when an alert is checked, not at start-up.
const xmldom = lazyPackage<typeof Xmldom>('@xmldom/xmldom');
import { CAP_CATEGORIES, CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_RESPONSE_TYPES, CAP_SCOPES, CAP_SEVERITIES, CAP_STATUSES, CAP_URGENCIES } from '../../../../shared/domain/cap';
import { CAP_NS } from './cap-build';

/** Element sequences of the CAP 1.2 schema (CAP-v1.2-os.xsd), with how many of each may occur. */
type Seq = readonly [name: string, min: number, max: number][];
const ALERT: Seq = [
  ['identifier', 1, 1], ['sender', 1, 1], ['sent', 1, 1], ['status', 1, 1], ['msgType', 1, 1], ['source', 0, 1], ['scope', 1, 1],
  ['restriction', 0, 1], ['addresses', 0, 1], ['code', 0, Infinity], ['note', 0, 1], ['references', 0, 1], ['incidents', 0, 1], ['info', 0, Infinity],
];
const INFO: Seq = [
  ['language', 0, 1], ['category', 1, Infinity], ['event', 1, 1], ['responseType', 0, Infinity], ['urgency', 1, 1], ['severity', 1, 1], ['certainty', 1, 1],
  ['audience', 0, 1], ['eventCode', 0, Infinity], ['effective', 0, 1], ['onset', 0, 1], ['expires', 0, 1], ['senderName', 0, 1], ['headline', 0, 1],
  ['description', 0, 1], ['instruction', 0, 1], ['web', 0, 1], ['contact', 0, 1], ['parameter', 0, Infinity], ['resource', 0, Infinity], ['area', 0, Infinity],
];
const AREA: Seq = [['areaDesc', 1, 1], ['polygon', 0, Infinity], ['circle', 0, Infinity], ['geocode', 0, Infinity], ['altitude', 0, 1], ['ceiling', 0, 1]];
const PAIR: Seq = [['valueName', 1, 1], ['value', 1, 1]];

const ENUMS: Record<string, readonly string[]> = {
  status: CAP_STATUSES,
  msgType: CAP_MSG_TYPES,
  scope: CAP_SCOPES,
  category: CAP_CATEGORIES,
  responseType: CAP_RESPONSE_TYPES,
  urgency: CAP_URGENCIES,
  severity: CAP_SEVERITIES,
  certainty: CAP_CERTAINTIES,
};
const DATE_TIME = /^\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/;
const TIMES = new Set(['sent', 'effective', 'onset', 'expires']);
const NO_SPACES = new Set(['identifier', 'sender']);

function children(e: Element): Element[] {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function checkSequence(e: Element, seq: Seq, path: string, problems: string[]): void {
  const kids = children(e);
  let at = 0;
  for (const [name, min, max] of seq) {
    let n = 0;
    while (at < kids.length && kids[at]!.localName === name) {
      n++;
      at++;
    }
    if (n < min) problems.push(`${path}: <${name}> is required here`);
    if (n > max) problems.push(`${path}: <${name}> may appear at most ${max} time(s)`);
  }
  if (at < kids.length) problems.push(`${path}: <${kids[at]!.localName}> is out of the schema's order or not allowed here`);
  for (const k of kids) {
    const name = k.localName ?? '';
    if (k.namespaceURI !== CAP_NS) problems.push(`${path}/${k.localName}: not in the CAP 1.2 namespace`);
    const value = k.textContent ?? '';
    const allowed = ENUMS[name];
    if (allowed && !allowed.includes(value)) problems.push(`${path}/${k.localName}: "${value}" is not one of ${allowed.join(', ')}`);
    if (TIMES.has(name) && !DATE_TIME.test(value)) problems.push(`${path}/${k.localName}: "${value}" is not a CAP date and time`);
    if (NO_SPACES.has(name) && /[\s,<&]/.test(value)) problems.push(`${path}/${k.localName}: must not contain spaces, commas, < or &`);
  }
}

/**
 * Checks a CAP 1.2 alert's structure as the official schema defines it: the namespace,
 * every element in sequence order with its cardinality, the code lists and the date-time
 * pattern. Returns the problems in words; none means it conforms on every point checked.
 */
export function checkCap(xml: string): string[] {
  const problems: string[] = [];
  const doc = new (xmldom().DOMParser)({ onError: (level, msg) => void (level !== 'warning' && problems.push(`Not well-formed XML: ${msg}`)) }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root || root.localName !== 'alert' || root.namespaceURI !== CAP_NS) return [...problems, `The root element must be <alert> in ${CAP_NS}`];
  checkSequence(root, ALERT, 'alert', problems);
  for (const info of children(root).filter((k) => k.localName === 'info')) {
    checkSequence(info, INFO, 'alert/info', problems);
    for (const k of children(info)) {
      if (k.localName === 'area') {
        checkSequence(k, AREA, 'alert/info/area', problems);
        for (const g of children(k).filter((x) => x.localName === 'geocode')) checkSequence(g, PAIR, 'alert/info/area/geocode', problems);
      }
      if (k.localName === 'parameter' || k.localName === 'eventCode') checkSequence(k, PAIR, `alert/info/${k.localName}`, problems);
    }
  }
  return problems;
}
