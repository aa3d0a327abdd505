/** A server timestamp as the user reads it: 2026/8/5 10:30:00 (local time); '' for none. */
export function formatWhen(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : ''
}
