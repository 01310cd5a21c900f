/** "YYYY-MM-DD HH:MM" on the demo coalition's clock (New York), `minutes` from now: how a time is typed in full. */
export function wallTimeIn(minutes: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * A bare "HH:MM" of 20 minutes ago, as typed for something ahead (an expiry, an ETA), and
 * the full date and time it means: its next occurrence, the same clock time a day later
 * (tomorrow, or today when typed in the first 20 minutes after midnight).
 */
export function earlierThanNow(): { typed: string; means: string } {
  return { typed: wallTimeIn(-20).slice(11), means: wallTimeIn(-20 + 24 * 60) };
}
