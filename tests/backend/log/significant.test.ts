import { describe, expect, it } from 'vitest';
import { incidentFixture } from '../incident/fixtures';

async function proposed() {
  const f = await incidentFixture();
  const entry = await f.t.call('log.append', { incidentId: f.incident.id, category: 'Situation', text: 'All 45 patients relocated' });
  const proposal = await f.t.call('log.proposeSignificant', { entryId: entry.id, note: 'Milestone for the sitrep' });
  return { ...f, entry, proposal };
}

describe('the significant events board', () => {
  it('takes a proposal from any operator, pending until the designated position reviews it', async () => {
    const { t, incident, entry, proposal } = await proposed();
    expect(proposal).toMatchObject({ status: 'pending', proposedBy: 'Dana Duty', note: 'Milestone for the sitrep', entry: { id: entry.id, significance: 'proposed' } });
    expect((await t.call('log.proposals', { incidentId: incident.id })).proposals.map((p) => p.id)).toEqual([proposal.id]);
    expect((await t.call('log.board', { incidentId: incident.id })).events).toEqual([]);
  });

  it('refuses approval by a position that is not designated, saying who can approve', async () => {
    const { t, proposal } = await proposed();
    const r = await t.raw('log.reviewSignificant', { proposalId: proposal.id, approve: true });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/^Only the Situation Unit Leader can approve .* you are signed in as Coalition Duty Officer/) },
    });
  });

  it('puts the entry on the board when the Situation Unit Leader approves it', async () => {
    const { t, incident, entry, proposal, signInAs } = await proposed();
    await signInAs('SITL', 'Sam Situation');
    const reviewed = await t.call('log.reviewSignificant', { proposalId: proposal.id, approve: true, note: 'Confirmed' });
    expect(reviewed).toMatchObject({ status: 'approved', reviewedBy: 'Sam Situation', reviewedByPosition: 'Situation Unit Leader', reviewNote: 'Confirmed' });
    const { events } = await t.call('log.board', { incidentId: incident.id });
    expect(events.map((e) => e.entry.id)).toEqual([entry.id]);
    expect((await t.call('log.get', { id: entry.id })).entry.significance).toBe('approved');
    const page = await t.call('timeline.page', { incidentId: incident.id, filters: { kinds: ['entry'] } });
    expect(page.items.find((i) => i.id === entry.id)?.significant).toBe(true);
  });

  it('refuses reviewing twice and proposing what is pending or on the board', async () => {
    const { t, entry, proposal, signInAs } = await proposed();
    expect(await t.raw('log.proposeSignificant', { entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('waiting for approval') } });
    await signInAs('SITL');
    await t.call('log.reviewSignificant', { proposalId: proposal.id, approve: true });
    expect(await t.raw('log.reviewSignificant', { proposalId: proposal.id, approve: false })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already approved') },
    });
    expect(await t.raw('log.proposeSignificant', { entryId: entry.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already on the significant events board') } });
  });

  it('lets a declined entry be proposed again', async () => {
    const { t, incident, entry, proposal, signInAs } = await proposed();
    await signInAs('SITL');
    await t.call('log.reviewSignificant', { proposalId: proposal.id, approve: false, note: 'Not yet confirmed' });
    expect((await t.call('log.get', { id: entry.id })).entry.significance).toBe('declined');
    const again = await t.call('log.proposeSignificant', { entryId: entry.id });
    expect(again.status).toBe('pending');
    const all = await t.call('log.proposals', { incidentId: incident.id, status: 'all' });
    expect(all.proposals.map((p) => p.status).sort()).toEqual(['declined', 'pending']);
  });

  it('follows the approving positions set on the incident', async () => {
    const { t, incident, proposal, positions, signInAs } = await proposed();
    await t.call('incident.update', { id: incident.id, boardApproverPositionIds: [positions.get('HCCDO')!.id, positions.get('SITL')!.id] });
    await signInAs('HCCDO', 'Morgan Night Duty');
    const r = await t.call('log.reviewSignificant', { proposalId: proposal.id, approve: true });
    expect(r.status).toBe('approved');
  });

  it('refuses the proposer approving their own event, even after switching to an approving position', async () => {
    const { t, proposal, signInAs } = await proposed();
    await signInAs('SITL', '  dana  DUTY ');
    const r = await t.raw('log.reviewSignificant', { proposalId: proposal.id, approve: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('another person must approve') } });
    expect((await t.call('log.get', { id: proposal.entry.id })).entry.significance).toBe('proposed');
  });
});
