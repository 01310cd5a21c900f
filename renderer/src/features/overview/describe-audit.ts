/**
 * One line of plain English for each audit action the backend records. The audit trail is
 * read by people (an EOC manager checking who exported what, an auditor after the event),
 * so no entry is ever shown as its code.
 */
type Detail = Record<string, unknown>;

const str = (d: Detail, k: string) => String(d[k] ?? '');
const num = (d: Detail, k: string) => Number(d[k] ?? 0).toLocaleString('en-US');
const plural = (n: unknown, one: string, many = `${one}s`) => `${Number(n ?? 0).toLocaleString('en-US')} ${Number(n) === 1 ? one : many}`;
const quoted = (d: Detail, k: string) => (d[k] ? `“${str(d, k)}”` : '');
const file = (d: Detail) => (d.fileName ? ` (${str(d, 'fileName')})` : '');

const DESCRIBE: Record<string, (d: Detail) => string> = {
  'setup.completed': (d) => `Console set up for ${str(d, 'coalitionName')}${d.workstationName ? ` on workstation ${str(d, 'workstationName')}` : ''}${d.demo ? ' with demonstration data' : ''}`,
  'demo.loaded': (d) =>
    `Demonstration coalition loaded: ${plural(d.organisations, 'organisation')}, ${plural(d.contacts, 'contact')}, ${plural(d.inventoryItems, 'inventory item')}, ${plural(d.requests, 'request')}`,
  'session.signedIn': (d) => `${str(d, 'operatorName')} signed in as ${str(d, 'position')}`,
  'session.signedOut': (d) => `${str(d, 'operatorName')} (${str(d, 'position')}) signed out`,
  'session.pinSet': (d) => `${str(d, 'operatorName')} set a PIN`,
  'session.pinRemoved': (d) => `${str(d, 'operatorName')} removed their PIN`,
  'session.unlocked': (d) => `${str(d, 'operatorName')} unlocked the console`,
  'settings.changed': (d) =>
    `Settings changed${d.idleLockMinutes !== undefined ? `: lock after ${Number(d.idleLockMinutes) ? `${str(d, 'idleLockMinutes')} idle minutes` : 'never'}` : ''}${Array.isArray(d.settingsPositionCodes) ? `; settings changed by ${(d.settingsPositionCodes as string[]).join(', ')}` : ''}`,
  'staffing.assigned': (d) => `${d.holderName ? str(d, 'holderName') : 'Nobody yet'} assigned as ${str(d, 'position')} for period ${str(d, 'period')}`,
  'staffing.removed': (d) => `${str(d, 'position')} removed from period ${str(d, 'period')}${d.holderName ? ` (was ${str(d, 'holderName')})` : ''}`,
  'position.added': (d) => `Custom position added: ${str(d, 'title')} (${str(d, 'code')})`,
  'sync.joined': (d) => `This workstation joined ${str(d, 'coalitionName')} as ${str(d, 'shortCode')}`,
  'sync.joinIssued': (d) => `Join code issued for a new workstation (${str(d, 'shortCode')})`,
  'sync.memberRemoved': (d) => `Workstation ${str(d, 'name')} removed from the coalition; its records after number ${str(d, 'afterRecord')} will be refused`,
  'sync.conflictResolved': (d) => `Conflicting edit settled: ${str(d, 'table').replace(/_/g, ' ')} ${str(d, 'column').replace(/_/g, ' ')}`,
  'sync.refused': (d) => `Refused records from ${str(d, 'peer')}: ${str(d, 'problem')}${d.rowId ? ` (${str(d, 'table').replace(/_/g, ' ')} ${str(d, 'rowId')})` : ''}`,
  'cli.command': (d) => `Command line run by ${str(d, 'osUser')}: ${str(d, 'commandLine')}`,
  'backup.taken': (d) => `Backup taken${d.file ? ` (${str(d, 'file')})` : ''}${d.verified === false ? '; it failed its check' : ''}`,
  'integrity.anchored': (d) => `Chain head ${str(d, 'seq')} signed into an anchor file (key ${str(d, 'fingerprint')})`,
  'identity.replaced': (d) => `This workstation’s signing key was replaced (${str(d, 'previousFingerprint')} → ${str(d, 'fingerprint')}): ${str(d, 'why')}`,
  'backup.restored': (d) => `Data restored from backup ${str(d, 'from')}${d.keptAside ? `; the replaced file was kept as ${str(d, 'keptAside')}` : ''}`,
  'activationLevel.added': (d) => `Activation level added: ${str(d, 'name')}`,
  'activationLevel.changed': (d) => `Activation level changed: ${str(d, 'name')}`,
  'activationLevel.removed': (d) => `Activation level removed: ${str(d, 'name')}`,
  'incident.created': (d) => `${d.exercise ? 'Exercise' : 'Incident'} created: ${quoted(d, 'name')} at ${str(d, 'level')}${d.template ? `, from the template ${quoted(d, 'template')}` : ''}`,
  'incident.changed': (d) => `Incident ${quoted(d, 'name')} edited${Array.isArray(d.fields) && d.fields.length ? ` (${(d.fields as string[]).map((f) => f.replace(/_/g, ' ')).join(', ')})` : ''}`,
  'incident.levelChanged': (d) => `Activation level changed from ${str(d, 'from')} to ${str(d, 'to')}`,
  'incident.closed': (d) => `Incident ${quoted(d, 'name')} closed`,
  'incident.reopened': (d) => `Incident ${quoted(d, 'name')} reopened${d.reason ? `: ${str(d, 'reason')}` : ''}`,
  'period.opened': (d) => `Operational period ${str(d, 'number')} opened for ${quoted(d, 'incident')}`,
  'period.closed': (d) => `Operational period ${str(d, 'number')} closed for ${quoted(d, 'incident')}`,
  'log.imported': (d) => `${plural(d.count, 'log entry', 'log entries')} transcribed (${str(d, 'source')}) into the ${str(d, 'position')} log`,
  'export.generated': (d) => `${str(d, 'form')} exported${d.exercise ? ' (exercise)' : ''}${file(d)}`,
  'request.formExported': (d) => `ICS 213RR for ${str(d, 'number')} printed${file(d)}`,
  'request.historyExported': (d) => `Request history exported, ${plural(d.rows, 'row')}${file(d)}`,
  'edxl.exported': (d) => `EDXL-RM exported for ${str(d, 'number')}: ${plural(d.messages, 'message')}${d.envelope ? ' in a distribution envelope' : ''}`,
  'inventory.added': (d) => `Inventory item added: ${str(d, 'name')}, ${num(d, 'held')} held`,
  'inventory.changed': (d) => `Inventory item edited: ${str(d, 'name')}`,
  'inventory.counted': (d) => `Inventory counted: ${str(d, 'name')}, ${num(d, 'from')} → ${num(d, 'to')}`,
  'inventory.removed': (d) => `Inventory item removed: ${str(d, 'name')}`,
  'directory.organisationAdded': (d) => `Organisation added: ${str(d, 'name')}`,
  'directory.organisationChanged': (d) => `Organisation edited: ${str(d, 'name')}`,
  'directory.organisationRemoved': (d) => `Organisation removed: ${str(d, 'name')}`,
  'directory.contactAdded': (d) => `Contact added: ${str(d, 'name')}`,
  'directory.contactChanged': (d) => `Contact edited: ${str(d, 'name')}`,
  'directory.contactRemoved': (d) => `Contact removed: ${str(d, 'name')}${d.organisation ? ` (${str(d, 'organisation')})` : ''}`,
  'directory.agreementAdded': (d) => `Agreement added: ${str(d, 'title')}`,
  'directory.agreementChanged': (d) => `Agreement edited: ${str(d, 'title')}`,
  'directory.agreementRemoved': (d) => `Agreement removed: ${str(d, 'title')}`,
  'directory.imported': (d) => `Directory imported from CSV: ${plural(d.organisationsCreated, 'organisation')} and ${plural(d.contactsCreated, 'contact')} added`,
  'directory.exported': (d) => `Directory exported to CSV, ${plural(d.rows, 'row')}${file(d)}`,
  'map.printed': (d) => `Map printed to PDF (${str(d, 'orientation')})${file(d)}`,
  'map.packAdded': (d) => `Map pack loaded: ${str(d, 'name')} from ${str(d, 'file')}, SHA-256 ${str(d, 'sha256').slice(0, 16)}…`,
  'map.packRemoved': (d) => `Map pack removed: ${str(d, 'name')}`,
  'plan.uploaded': (d) => `Plan ${d.supersedes ? 'version' : 'added'}: ${quoted(d, 'title')} ${str(d, 'version')}${d.extraction !== 'ok' ? ' (text not searchable)' : ''}${file(d)}`,
  'activationSheet.saved': (d) => `Activation sheet saved as version ${str(d, 'version')}`,
  'aar.finalised': (d) => `After-action report made final: ${quoted(d, 'title')} (what it said: SHA-256 ${str(d, 'digest').slice(0, 12)}…)`,
  'alert.issued': (d) => `CAP public warning issued (${str(d, 'msgType')}, ${str(d, 'template').replace(/_/g, ' ')} template)`,
};

/** The actions described; the test checks every action the backend records is here. */
export const DESCRIBED_ACTIONS: ReadonlySet<string> = new Set(Object.keys(DESCRIBE));

export function describeAudit(action: string, detail: Detail): string {
  const describe = DESCRIBE[action];
  if (describe) return describe(detail);
  // An action recorded by a newer version of the console: still words, never a bare code.
  return action.replace(/\./g, ': ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
