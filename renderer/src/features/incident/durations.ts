/** "5 h 12 min", "45 min", "2 days 3 h": a span read at a glance across the room. */
export function formatSpan(ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} days ${h % 24} h` : `${d} days`;
}

/** What the top bar says about the current period's end, in words. */
export function periodTimeLeft(endsAt: number, now: number): { text: string; overdue: boolean } {
  if (now >= endsAt) return { text: `ended ${formatSpan(now - endsAt)} ago`, overdue: true };
  return { text: `${formatSpan(endsAt - now)} left`, overdue: false };
}
