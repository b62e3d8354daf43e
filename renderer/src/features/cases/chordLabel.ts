/** How the send chord is written on this machine: Cmd on Apple keyboards, Ctrl elsewhere. */
export function sendChordLabel(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): string {
  return /Mac|iPhone|iPad/i.test(platform) ? 'Cmd+Enter' : 'Ctrl+Enter';
}
