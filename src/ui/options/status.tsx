// What happened, said next to the control that did it: one message at a time, shown in the
// status line of the place it came from (a seat, the setup, import, export…).

/** Where a message is shown: the area of the control that caused it. */
export type Place = 'setup' | 'seats' | 'settings' | 'export' | 'import' | 'delete' | `seat:${string}`;

export interface Message {
  place: Place;
  text: string;
  error?: boolean;
  /** The technical reason, for someone who wants it (a JSON path, the browser's words). */
  detail?: string;
  /** One follow-up the rep may take at once ("Undo"). */
  action?: { label: string; run: () => void };
}

export type Notify = (message: Message) => void;

/**
 * The status line of one place: always in the page (a live region announces what appears in
 * it), holding the latest message when it came from here. Only the line holding it carries
 * the test id, so a test finds the latest message wherever it is shown.
 */
export function StatusLine({ place, status }: { place: Place; status: Message | null }) {
  const here = status?.place === place ? status : null;
  return (
    <div
      class={here?.error ? 'status error' : 'status'}
      role="status"
      data-place={place}
      data-testid={here ? 'options-status' : undefined}
    >
      {here && (
        <>
          <span>{here.text}</span>
          {here.action && (
            <>
              {' · '}
              <button type="button" class="link" onClick={here.action.run}>
                {here.action.label}
              </button>
            </>
          )}
          {here.detail && <small class="detail">{here.detail}</small>}
        </>
      )}
    </div>
  );
}
