import { describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract';
import { handlers } from '../../../electron/backend/handlers';

describe('the contract and the backend registry', () => {
  it('has exactly one handler per method, and no handler without a method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(methods).sort());
  });

  it('names every method domain.verb', () => {
    for (const name of Object.keys(methods)) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});
