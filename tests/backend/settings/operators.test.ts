import { describe, expect, it } from 'vitest';
import { openReadyBackend } from '../helpers/backend';

async function ready() {
  const t = await openReadyBackend();
  const { positions } = await t.call('position.list', {});
  const byCode = new Map(positions.map((p) => [p.code, p]));
  const signIn = (operatorName: string, code: string, pin?: string) => t.raw('session.signIn', { operatorName, positionId: byCode.get(code)!.id, ...(pin ? { pin } : {}) });
  return { t, signIn };
}

describe('operators: an optional PIN per operator', () => {
  it('signs in without a PIN until one is set; then asks for it, refuses a wrong one, and unlocks with it', async () => {
    const { t, signIn } = await ready();
    expect((await t.call('session.pinStatus', { operatorName: 'Dana Duty' })).hasPin).toBe(false);
    await t.call('session.setPin', { pin: '4821' });
    expect((await t.call('session.pinStatus', { operatorName: '  dana duty ' })).hasPin).toBe(true);
    expect(await signIn('Dana Duty', 'SITL')).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Dana Duty has a PIN: type it to go on' } });
    expect(await signIn('Dana Duty', 'SITL', '1111')).toMatchObject({ ok: false, error: { code: 'forbidden', message: "That is not Dana Duty's PIN" } });
    expect((await t.call('session.current', {})).session?.position.code).toBe('HCCDO');
    expect(await signIn('Dana Duty', 'SITL', '4821')).toMatchObject({ ok: true });
    // The lock screen: one step for the same operator, with the PIN.
    expect(await t.raw('session.unlock', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await t.call('session.unlock', { pin: '4821' })).session.operatorName).toBe('Dana Duty');
    // Someone else, without a PIN, switches in one step.
    expect(await signIn('Sam Situation', 'SITL')).toMatchObject({ ok: true });
    expect((await t.call('session.unlock', {})).session.operatorName).toBe('Sam Situation');
  });

  it('changes or removes a PIN only with the current one', async () => {
    const { t } = await ready();
    await t.call('session.setPin', { pin: '4821' });
    expect(await t.raw('session.setPin', { pin: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.raw('session.setPin', { pin: '12' })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('4 to 8 digits') } });
    expect(await t.call('session.setPin', { pin: null, currentPin: '4821' })).toEqual({ hasPin: false });
  });
});

describe('settings only a designated role can change', () => {
  it('are the duty officer’s by default; others are refused in words, and the role can be handed on', async () => {
    const { t, signIn } = await ready();
    expect(await t.call('settings.get', {})).toMatchObject({ settingsPositionCodes: ['HCCDO'], idleLockMinutes: 0, canChange: true });
    await signIn('Sam Situation', 'SITL');
    expect(await t.call('settings.get', {})).toMatchObject({ canChange: false, refusal: 'Only the Coalition Duty Officer can change settings; you are signed in as Situation Unit Leader' });
    expect(await t.raw('settings.update', { idleLockMinutes: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.raw('log.saveCategory', { name: 'Dialysis' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signIn('Dana Duty', 'HCCDO');
    expect(await t.call('settings.update', { idleLockMinutes: 5, settingsPositionCodes: ['HCCDO', 'SITL'] })).toMatchObject({ idleLockMinutes: 5 });
    await signIn('Sam Situation', 'SITL');
    expect((await t.call('settings.get', {})).canChange).toBe(true);
    expect(await t.raw('settings.update', { idleLockMinutes: 7 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
