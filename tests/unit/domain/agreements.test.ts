import { describe, expect, it } from 'vitest';
import { agreementStanding, dayNumber } from '../../../shared/domain/agreements';
import { parseDiscipline, parseMembership } from '../../../shared/domain/disciplines';
import { catalogKind, typeProblem } from '../../../shared/domain/nims';
import { overdueReason } from '../../../shared/domain/request-aging';

describe('agreement standing', () => {
  const today = '2026-06-01';
  it('flags an agreement expiring within the window, in words', () => {
    expect(agreementStanding('2024-01-01', '2026-06-21', today, 30)).toEqual({ standing: 'expiring_soon', label: 'EXPIRES in 20 days (2026-06-21)', daysToExpiry: 20 });
    expect(agreementStanding('2024-01-01', '2026-06-01', today, 30).label).toBe('EXPIRES today (2026-06-01)');
  });
  it('flags an expired agreement', () => {
    expect(agreementStanding('2024-01-01', '2026-05-31', today, 30)).toEqual({ standing: 'expired', label: 'EXPIRED 1 day ago (2026-05-31)', daysToExpiry: -1 });
  });
  it('keeps an agreement in force until the end of its expiry day and beyond the window', () => {
    expect(agreementStanding('2024-01-01', '2026-07-02', today, 30).standing).toBe('active');
    expect(agreementStanding('2024-01-01', null, today, 30).standing).toBe('open_ended');
    expect(agreementStanding('2026-06-02', '2027-01-01', today, 30).standing).toBe('not_yet_effective');
  });
  it('reads only real calendar dates', () => {
    expect(dayNumber('2026-02-30')).toBeNull();
    expect(dayNumber('2026-13-01')).toBeNull();
    expect(dayNumber('2024-02-29')).not.toBeNull();
  });
});

describe('domain vocabularies', () => {
  it('reads disciplines and membership as spreadsheets write them', () => {
    expect(parseDiscipline('Long-term care')).toBe('long_term_care');
    expect(parseDiscipline('SNF')).toBe('long_term_care');
    expect(parseDiscipline('EMS')).toBe('ems');
    expect(parseDiscipline('Veterinary')).toBeNull();
    expect(parseMembership('Supporting partner')).toBe('supporting');
  });
  it('checks NIMS types where the kind is typed, and allows local types elsewhere', () => {
    expect(catalogKind('ambulance strike teams')?.kind).toBe('Ambulance strike team');
    expect(typeProblem('Ambulance strike team', '5')).toContain('NIMS types 1 to 4');
    expect(typeProblem('Ambulance strike team', '2')).toBeNull();
    expect(typeProblem('N95 respirator', 'Size S')).toBeNull();
  });
  it('says why a request is overdue', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    expect(overdueReason({ status: 'submitted', priority: 'urgent', statusSince: now - 90 * 60_000, requestedArrival: null, eta: null }, now)).toBe(
      '1 h 30 min in "Awaiting approval"; urgent requests should move within 1 h',
    );
    expect(overdueReason({ status: 'en_route', priority: 'low', statusSince: now, requestedArrival: null, eta: now - 5 * 60_000 }, now)).toContain('ETA passed 5 min ago');
    expect(overdueReason({ status: 'received', priority: 'urgent', statusSince: now - 1e8, requestedArrival: now - 1e8, eta: null }, now)).toBeNull();
  });
});
