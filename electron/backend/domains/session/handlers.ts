import { newId as uuidv7 } from '../../db/ids';
import type { sessionMethods } from '../../../../shared/contract/session';
import { conflict, forbidden, notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { isConfigured } from '../setup/queries';
import { checkPin, hasPin, setPin } from './pins';
import { clearSession, currentSession, getPosition, listPositions, positionByCode, setSession } from './queries';

export const sessionHandlers: HandlersFor<keyof typeof sessionMethods> = {
  'position.list': (_input, { db }) => ({ positions: listPositions(db) }),
  'position.addCustom': (input, ctx) => {
    if (!isConfigured(ctx.db, ctx.services.workstationId))
      throw forbidden('Set up the console before adding positions');
    return ctx.write((tx) => {
      const clash = positionByCode(ctx.db, input.code);
      if (clash) throw conflict(`Position code ${input.code} is already used by "${clash.title}"; choose another code`);
      const id = uuidv7();
      tx.put('positions', id, { code: input.code, title: input.title, section: input.section, custom: 1 });
      tx.audit('position.added', { code: input.code, title: input.title });
      return getPosition(ctx.db, id)!;
    });
  },
  'session.current': (_input, { db, services }) => ({ session: currentSession(db, services.workstationId) }),
  'session.signIn': (input, ctx) => {
    const w = ctx.services.workstationId;
    if (!isConfigured(ctx.db, w)) throw forbidden('Set up the console before signing in');
    const position = getPosition(ctx.db, input.positionId);
    if (!position) throw notFound('That position');
    checkPin(ctx.db, input.operatorName, input.pin);
    return ctx.write((tx) => {
      const previous = currentSession(ctx.db, w);
      if (previous)
        tx.audit('session.signedOut', { operatorName: previous.operatorName, position: previous.position.title });
      setSession(ctx.db, w, input.operatorName, position.id, tx.now());
      tx.touched('session');
      tx.as({ workstationId: w, operatorName: input.operatorName, positionTitle: position.title }).audit(
        'session.signedIn',
        { operatorName: input.operatorName, position: position.title, positionCode: position.code },
      );
      return { session: currentSession(ctx.db, w)! };
    });
  },
  'session.pinStatus': ({ operatorName }, { db }) => ({ hasPin: hasPin(db, operatorName) }),
  'session.setPin': ({ pin, currentPin }, ctx) => {
    const s = currentSession(ctx.db, ctx.services.workstationId);
    if (!s) throw forbidden('Sign in before setting a PIN');
    // Changing or removing a PIN takes the current one: a passer-by cannot take a name over.
    checkPin(ctx.db, s.operatorName, currentPin);
    return ctx.write((tx) => {
      setPin(tx, s.operatorName, pin);
      tx.audit(pin ? 'session.pinSet' : 'session.pinRemoved', { operatorName: s.operatorName });
      return { hasPin: pin !== null };
    });
  },
  'session.unlock': ({ pin }, ctx) => {
    const s = currentSession(ctx.db, ctx.services.workstationId);
    if (!s) throw forbidden('Nobody is signed in on this workstation: sign in instead');
    checkPin(ctx.db, s.operatorName, pin);
    return ctx.write((tx) => {
      tx.audit('session.unlocked', { operatorName: s.operatorName });
      return { session: s };
    });
  },
  'session.signOut': (_input, ctx) =>
    ctx.write((tx) => {
      const previous = currentSession(ctx.db, ctx.services.workstationId);
      if (!previous) return { signedOut: false };
      tx.audit('session.signedOut', { operatorName: previous.operatorName, position: previous.position.title });
      clearSession(ctx.db, ctx.services.workstationId);
      tx.touched('session');
      return { signedOut: true };
    }),
};
