/** One line of plain English for an audit entry. */
export function describeAudit(action: string, detail: Record<string, unknown>): string {
  const s = (k: string) => String(detail[k] ?? '');
  switch (action) {
    case 'setup.completed':
      return `Console set up for ${s('coalitionName')} on workstation ${s('workstationName')}`;
    case 'session.signedIn':
      return `${s('operatorName')} signed in as ${s('position')}`;
    case 'session.signedOut':
      return `${s('operatorName')} (${s('position')}) signed out`;
    case 'position.added':
      return `Custom position added: ${s('title')} (${s('code')})`;
    case 'backup.restored':
      return `Data restored from backup ${s('from')}`;
    default:
      return action;
  }
}
