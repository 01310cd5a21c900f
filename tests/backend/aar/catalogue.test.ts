import { describe, expect, it } from 'vitest';
import { openReadyBackend } from '../helpers/backend';

describe('capability catalogues as data', () => {
  it('seeds the 2017-2022 capabilities with their objectives, the 2023 set and the 32 HSEEP core capabilities', async () => {
    const t = await openReadyBackend();
    const { frameworks } = await t.call('aar.frameworks', {});
    const by = new Map(frameworks.map((f) => [f.shortName, f]));
    const hpp17 = by.get('HPP 2017-2022')!;
    expect(hpp17.capabilities.filter((c) => !c.parentId).map((c) => c.title)).toEqual([
      'Foundation for Health Care and Medical Readiness',
      'Health Care and Medical Response Coordination',
      'Continuity of Health Care Service Delivery',
      'Medical Surge',
    ]);
    const c3 = hpp17.capabilities.find((c) => c.code === 'C3')!;
    expect(hpp17.capabilities.filter((c) => c.parentId === c3.id).map((c) => c.code)).toEqual(['C3-O1', 'C3-O2', 'C3-O3', 'C3-O4', 'C3-O5', 'C3-O6', 'C3-O7']);
    expect(by.get('HPP 2023')!.capabilities.map((c) => c.title)).toContain('Patient Movement and Distribution');
    expect(by.get('HPP 2023')!.capabilities).toHaveLength(8);
    expect(by.get('Core capabilities')!.capabilities).toHaveLength(32);
    expect(frameworks.every((f) => f.builtin)).toBe(true);
  });

  it('lets a coalition add its own framework and edit a capability; a capability in use stays', async () => {
    const t = await openReadyBackend();
    const { id: fw } = await t.call('aar.saveFramework', { name: 'Region 1 priorities', shortName: 'R1' });
    const { id: cap } = await t.call('aar.saveCapability', { frameworkId: fw, code: 'R1-1', title: 'Dialysis continuity' });
    await t.call('aar.saveCapability', { frameworkId: fw, code: 'R1-1.1', title: 'Transport to open centres', parentId: cap });
    await t.call('aar.saveCapability', { id: cap, frameworkId: fw, code: 'R1-1', title: 'Dialysis continuity of care' });
    const mine = (await t.call('aar.frameworks', {})).frameworks.find((f) => f.id === fw)!;
    expect(mine).toMatchObject({ builtin: false, name: 'Region 1 priorities' });
    expect(mine.capabilities.map((c) => c.title)).toEqual(['Dialysis continuity of care', 'Transport to open centres']);
    expect(await t.raw('aar.saveCapability', { frameworkId: fw, code: 'r1-1', title: 'Dup' })).toMatchObject({ ok: false, error: { message: 'Code r1-1 is already used in this framework' } });
    expect(await t.raw('aar.saveFramework', { name: 'region 1 PRIORITIES', shortName: 'X' })).toMatchObject({ ok: false, error: { message: 'A framework named "region 1 PRIORITIES" already exists' } });
    expect(await t.raw('aar.removeCapability', { id: cap })).toMatchObject({ ok: false, error: { message: expect.stringContaining('cannot be removed') } });
  });
});
