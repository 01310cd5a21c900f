import { describe, expect, it } from 'vitest';
import { primaryAction } from '../../../renderer/src/features/request/actions/primary-action';

const offered = (...names: [string, boolean][]) => names.map(([action, allowed]) => ({ action, allowed, label: action, reason: null })) as never;

describe('the primary next step of a request (the filled button and Alt+Enter)', () => {
  it('is the forward step, never returning for changes, even when that is listed first', () => {
    expect(primaryAction({ status: 'submitted', actions: offered(['return_for_changes', true], ['deny', true], ['approve', true]) })).toBe('approve');
  });

  it('skips an ETA update on a request already en route, and steps this position may not take', () => {
    expect(primaryAction({ status: 'en_route', actions: offered(['mark_en_route', true], ['receive', true]) })).toBe('receive');
    expect(primaryAction({ status: 'submitted', actions: offered(['approve', false], ['cancel', true]) })).toBeNull();
  });
});
