// "Detection OK", or exactly what stopped working on LinkedIn's pages and since when.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ANCHOR_HEALTH_KEY, type AnchorHealth } from '../../linkedin/anchor-health';
import { plural, shortDate } from '../format';

export function DetectionHealth({ timeZone, refused }: { timeZone: string; refused: number }) {
  const [anchors, setAnchors] = useState<Record<string, AnchorHealth> | null>(null);
  useEffect(() => {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[ANCHOR_HEALTH_KEY];
      if (area === 'local' && change)
        setAnchors((change.newValue as Record<string, AnchorHealth> | undefined) ?? {});
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.local.get(ANCHOR_HEALTH_KEY).then((stored) => {
      setAnchors((stored[ANCHOR_HEALTH_KEY] as Record<string, AnchorHealth> | undefined) ?? {});
    });
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return (
    <>
      <Anchors anchors={anchors} timeZone={timeZone} />
      {refused > 0 && (
        <p class="health refused" data-testid="refused-messages">
          {plural(refused, 'message')} refused: not in a shape LinkedIn's pages send, or from another
          extension. Nothing was recorded from {refused === 1 ? 'it' : 'them'}.
        </p>
      )}
    </>
  );
}

function Anchors({ anchors, timeZone }: { anchors: Record<string, AnchorHealth> | null; timeZone: string }) {
  if (anchors === null || Object.keys(anchors).length === 0) return null;
  const broken = Object.values(anchors).filter((a) => a.missingSince !== null);
  if (broken.length === 0) {
    return (
      <p class="health ok" data-testid="detection-health">
        Detection OK
      </p>
    );
  }
  return (
    <div class="health broken" role="alert" data-testid="detection-health">
      {broken.map((a) => (
        <p key={a.label}>
          {a.label} not found since {shortDate(a.missingSince as number, timeZone)}: sends there are not
          counted; log them by hand.
        </p>
      ))}
    </div>
  );
}
