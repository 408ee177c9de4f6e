// "Tracking works", or exactly what stopped working on LinkedIn's pages and since when: page
// anchors not found, LinkedIn answers we could not read (by surface, with the reason), sends
// whose cost the page did not show, and messages refused.

import { useEffect, useState } from 'preact/hooks';
import { type AnchorHealth, mergedAnchors } from '../../linkedin/anchor-health';
import { answersSeenLately, type HealthProblem, recentProblems } from '../../linkedin/endpoint-health';
import { follow } from '../../messages/follow';
import { familiesSource } from '../../messages/key-family';
import { anchorHealthKeys, endpointHealthKeys } from '../../messages/storage';
import { count, localWhen } from '../words';

interface Health {
  anchors: Record<string, AnchorHealth>;
  answers: HealthProblem[];
  /** Any answer of ours was seen lately (so "OK" speaks of something). */
  seen: boolean;
}

function healthOf(stored: Record<string, unknown>): Health {
  return {
    anchors: mergedAnchors(stored),
    answers: recentProblems(stored, Date.now()),
    seen: answersSeenLately(stored, Date.now()),
  };
}

function useHealth(): Health | null {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(
    () =>
      follow(familiesSource(anchorHealthKeys, endpointHealthKeys), (stored) => setHealth(healthOf(stored))),
    [],
  );
  return health;
}

interface Props {
  refused: number;
  /** Sends recorded paid whose cost the page did not show. */
  costUnknown: number;
}

export function DetectionHealth({ refused, costUnknown }: Props) {
  const health = useHealth();
  if (health === null) return null;
  const broken = Object.values(health.anchors).filter((a) => a.missingSince !== null);
  const problems = broken.length + health.answers.length + (costUnknown > 0 ? 1 : 0);
  const used = health.seen || Object.keys(health.anchors).length > 0 || problems > 0;
  return (
    <>
      {used && problems === 0 && (
        <p class="health ok" data-testid="detection-health" data-state="ok">
          Tracking works: we read everything LinkedIn showed you lately.
        </p>
      )}
      {problems > 0 && (
        <div class="health broken" role="alert" data-testid="detection-health" data-state="problem">
          {broken.map((a) => (
            <p key={a.label}>
              {a.label} not found since {localWhen(a.missingSince as number, Date.now())}: sends there are not
              counted; log them by hand.
            </p>
          ))}
          {health.answers.map((p) => (
            <p key={`${p.endpoint}:${p.reason}`} data-endpoint={p.endpoint}>
              {p.label}: {p.reason}
              {p.count > 1 ? ` (${p.count} times)` : ''}, last {localWhen(p.lastAt, Date.now())}.
            </p>
          ))}
          {costUnknown > 0 && (
            <p>
              {count(costUnknown, 'send')} counted as paid because LinkedIn did not show the cost: say below
              if one was free.
            </p>
          )}
        </div>
      )}
      {refused > 0 && (
        <p class="health refused" data-testid="refused-messages">
          {count(refused, 'message')} refused: not in a shape LinkedIn's pages send, or from another
          extension. Nothing was recorded from {refused === 1 ? 'it' : 'them'}.
        </p>
      )}
    </>
  );
}
