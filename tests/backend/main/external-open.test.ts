import { describe, expect, it } from 'vitest';
import { externalOpenDecision, externalOpenQuestion } from '../../../electron/main/policy';

describe('links that leave the app', () => {
  it('opens official guidance sites on the allow-list without asking', () => {
    expect(externalOpenDecision('https://aspr.hhs.gov/HealthCareReadiness')).toEqual({ action: 'open', url: 'https://aspr.hhs.gov/HealthCareReadiness' });
  });

  it('asks before anything else, with the full address as it will be opened', () => {
    for (const [raw, url] of [
      ['https://aspr.hhs.gov.evil.example/login', 'https://aspr.hhs.gov.evil.example/login'],
      ['https://aspr.hhs.gov:8443/x', 'https://aspr.hhs.gov:8443/x'],
      ['HTTPS://Example.COM/a b', 'https://example.com/a%20b'],
      ['mailto:duty.officer@example.org?subject=Sitrep', 'mailto:duty.officer@example.org?subject=Sitrep'],
    ]) {
      expect(externalOpenDecision(raw!)).toEqual({ action: 'ask', url });
    }
    const q = externalOpenQuestion('https://example.com/a%20b');
    expect(q.detail.startsWith('https://example.com/a%20b\n')).toBe(true);
    expect(q.buttons[q.defaultId]).toBe('Cancel');
    expect(q.cancelId).toBe(q.defaultId);
    expect(externalOpenQuestion('mailto:a@b.org').message).toMatch(/mail program/);
  });

  it('refuses what the operating system must never be handed', () => {
    for (const raw of ['file:///etc/passwd', 'http://example.com/', 'smb://server/share', 'https://user:pw@aspr.hhs.gov/', 'javascript:alert(1)']) {
      expect(externalOpenDecision(raw)).toEqual({ action: 'refuse' });
    }
  });
});
