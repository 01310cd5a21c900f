import { describe, expect, it } from 'vitest';
import { labelOf, typedOption } from '../../../renderer/src/lib/typed-option';

const zones = [
  { value: 'UTC', label: 'UTC' },
  { value: 'America/New_York', label: 'America/New_York (UTC−05:00)' },
  { value: 'America/Chicago', label: 'America/Chicago (UTC−06:00)' },
];
const grouped = [{ group: 'Hospitals', items: [{ value: 'h1', label: 'Apple Orchard Community Hospital' }, { value: 'h2', label: 'Windy Ridge General Hospital' }] }, 'Larkspur'];

describe('what an operator typed into a searchable select', () => {
  it('names the option whose value or label it is exactly, ignoring case', () => {
    expect(typedOption(zones, 'America/New_York', 'UTC')?.value).toBe('America/New_York');
    expect(typedOption(zones, ' america/chicago ', 'UTC')?.value).toBe('America/Chicago');
    expect(typedOption(grouped, 'larkspur', null)?.value).toBe('Larkspur');
  });
  it('names the only option whose label contains it, in groups too', () => {
    expect(typedOption(grouped, 'windy', null)?.value).toBe('h2');
    expect(typedOption(zones, 'chicago', 'UTC')?.value).toBe('America/Chicago');
  });
  it('guesses nothing when the text names several options, none, or the current one', () => {
    expect(typedOption(grouped, 'hospital', null)).toBeNull();
    expect(typedOption(zones, 'America', 'UTC')).toBeNull();
    expect(typedOption(zones, 'Europe/Paris', 'UTC')).toBeNull();
    expect(typedOption(zones, '', 'UTC')).toBeNull();
    expect(typedOption(zones, 'utc', 'UTC')).toBeNull();
  });
  it('never picks a disabled option', () => {
    expect(typedOption([{ value: 'a', label: 'Closed ward', disabled: true }, { value: 'b', label: 'Open ward' }], 'closed', null)).toBeNull();
  });
  it('reads the label of the current value', () => {
    expect(labelOf(grouped, 'h1')).toBe('Apple Orchard Community Hospital');
    expect(labelOf(zones, null)).toBeNull();
  });
});
