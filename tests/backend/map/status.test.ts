import { describe, expect, it } from 'vitest';
import { BOARD_CONDITIONS } from '../../../shared/domain/status-rules';
import { memberStatusCode, UNCODED_CONDITIONS } from '../../../shared/domain/member-status';
import { MIN, statusFixture } from '../status/fixtures';
import { decodeLayers } from '../../../shared/contract/map-layers';

describe('members on the map carry their facility status', () => {
  it('a member with a report carries its headline code; one without reads no report; one that does not report carries none', async () => {
    const t = await statusFixture();
    const mercy = await t.facility('Mercy General');
    const quiet = await t.facility('Quiet Valley Hospital');
    const county = await t.facility('Hampden County Emergency Management', { discipline: 'emergency_management' });
    await t.report(mercy, { 'ops.status': 'normal', 'ed.ems_traffic': 'diversion', 'power.source': 'generator' });
    const { organisations } = decodeLayers(await t.call('map.layers', {}));
    const of = (id: string) => organisations.find((o) => o.id === id)!;
    // Diversion outranks the generator: the headline is the worst condition.
    expect(of(mercy)).toMatchObject({ status: 'DIV' });
    expect(of(mercy).stale).toBeUndefined();
    expect(of(quiet)).toMatchObject({ status: 'NR' });
    expect(of(county)).toMatchObject({ status: null });
    expect(of(county).stale).toBeUndefined();
  });

  it('an old report reads STALE past its interval and OVERDUE past twice it', async () => {
    const t = await statusFixture();
    const mercy = await t.facility('Mercy General');
    await t.report(mercy, { 'ed.ems_traffic': 'diversion' });
    const interval = t.types.get('ed.ems_traffic')!.intervalNow * MIN;
    const mine = async () => (decodeLayers(await t.call('map.layers', {}))).organisations.find((o) => o.id === mercy)!;
    t.advance(interval + MIN);
    expect(await mine()).toMatchObject({ status: 'DIV', stale: 'STALE' });
    t.advance(interval);
    expect(await mine()).toMatchObject({ status: 'DIV', stale: 'OVERDUE' });
  });

  it('says what the status board says of every member, fresh and stale, through its own lean read', async () => {
    const t = await statusFixture();
    const a = await t.facility('Mercy General');
    const b = await t.facility('Quiet Valley Hospital');
    const c = await t.facility('Baystate Franklin');
    const county = await t.facility('Hampden County Emergency Management', { discipline: 'emergency_management' });
    await t.report(a, { 'ops.status': 'evacuating', 'power.source': 'generator' });
    await t.report(b, { 'ed.ems_traffic': 'diversion' });
    t.advance(t.types.get('ed.ems_traffic')!.intervalNow * MIN + MIN);
    await t.report(c, { 'ops.status': 'normal' });
    const board = (await t.call('status.facilities', {})).facilities;
    const { organisations } = decodeLayers(await t.call('map.layers', {}));
    // The county office does not report status: the board leaves it out, the map gives it none.
    expect(board.map((f) => f.organisationId).sort()).toEqual([a, b, c].sort());
    expect(organisations.find((o) => o.id === county)).toMatchObject({ status: null });
    for (const f of board) {
      const st = f.headline.staleness;
      const o = organisations.find((x) => x.id === f.organisationId)!;
      expect({ status: o.status, stale: o.stale ?? null }, f.name).toEqual({ status: memberStatusCode(f.headline.words), stale: st === 'STALE' || st === 'OVERDUE' ? st : null });
    }
  });

  it('the layer export says the status in words', async () => {
    const t = await statusFixture();
    const mercy = await t.facility('Mercy General');
    await t.report(mercy, { 'ops.status': 'evacuating' });
    const out = await t.call('map.exportLayer', { layer: 'organisations', format: 'geojson' });
    const f = (JSON.parse(out.content) as { features: { properties: Record<string, unknown> }[] }).features.find((x) => x.properties.id === mercy)!;
    expect(f.properties).toMatchObject({ facility_status: 'Evacuating', status_code: 'EVAC' });
    const kml = await t.call('map.exportLayer', { layer: 'organisations', format: 'kml' });
    expect(kml.content).toContain('Evacuating');
  });

  it('every condition the status rules can name has its own map code', () => {
    expect(BOARD_CONDITIONS.length).toBeGreaterThan(0);
    expect(UNCODED_CONDITIONS()).toEqual([]);
  });
});
