import type { z } from 'zod';
import type { MethodDef } from './define';
import { aarMethods } from './aar';
import { decisionMethods } from './decision';
import { exerciseMethods } from './exercise';
import { exportMethods } from './export';
import { incidentMethods } from './incident';
import { integrityMethods } from './integrity';
import { logMethods } from './log';
import { mapMethods } from './map';
import { messageMethods } from './message';
import { demoMethods } from './demo';
import { directoryMethods } from './directory';
import { edxlMethods } from './edxl';
import { inventoryMethods } from './inventory';
import { requestMethods } from './request';
import { sessionMethods } from './session';
import { timelineMethods } from './timeline';
import { setupMethods } from './setup';
import { storeMethods } from './store';
import { settingsMethods } from './settings';
import { systemMethods } from './system';
import { sitrepMethods } from './sitrep';
import { statusMethods } from './status';
import { planMethods } from './plan';
import { activationMethods } from './activation';
import { calldownMethods } from './calldown';
import { serviceMethods } from './service';
import { hvaMethods } from './hva';
import { alertMethods } from './alert';
import { syncMethods } from './sync';

export * from './bridge';
export * from './define';
export * from './events';
export * from './aar';
export * from './decision';
export * from './exercise';
export * from './export';
export * from './incident';
export * from './integrity';
export * from './log';
export * from './map';
export * from './message';
export * from './demo';
export * from './directory';
export * from './edxl';
export * from './inventory';
export * from './request';
export * from './session';
export * from './timeline';
export * from './setup';
export * from './store';
export * from './settings';
export * from './system';
export * from './sitrep';
export * from './status';
export * from './plan';
export * from './activation';
export * from './calldown';
export * from './service';
export * from './hva';
export * from './alert';
export * from './sync';

/** Every backend method. A domain adds its map here and nowhere else. */
export const methods = {
  ...systemMethods,
  ...storeMethods,
  ...setupMethods,
  ...sessionMethods,
  ...directoryMethods,
  ...inventoryMethods,
  ...requestMethods,
  ...edxlMethods,
  ...demoMethods,
  ...incidentMethods,
  ...logMethods,
  ...decisionMethods,
  ...messageMethods,
  ...timelineMethods,
  ...exportMethods,
  ...settingsMethods,
  ...aarMethods,
  ...exerciseMethods,
  ...mapMethods,
  ...integrityMethods,
  ...statusMethods,
  ...sitrepMethods,
  ...planMethods,
  ...activationMethods,
  ...calldownMethods,
  ...serviceMethods,
  ...hvaMethods,
  ...alertMethods,
  ...syncMethods,
} as const satisfies Record<string, MethodDef>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
