// The one clock the background reads. Test builds (mode "e2e") let a test move it;
// the production bundle has no way to: the setter is compiled out.

let offset = 0;

export function now(): number {
  return Date.now() + offset;
}

/** Only reachable from test hooks, which exist in e2e builds alone. */
export function setNow(at: number): void {
  offset = at - Date.now();
}
