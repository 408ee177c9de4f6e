// "Log an InMail" for what detection missed. The recipient is kept, so a later
// detection of the same send can be matched to it.

import { useState } from 'preact/hooks';
import type { SendCost } from '../../ledger/events';

interface Entry {
  recipientName: string;
  profileUrl?: string;
  cost: SendCost;
}

export function LogSendForm({ onLog }: { onLog: (entry: Entry) => Promise<boolean> }) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [cost, setCost] = useState<SendCost>('paid');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const entry: Entry = { recipientName: name.trim(), cost };
    if (url.trim()) entry.profileUrl = url.trim();
    const done = await onLog(entry);
    setBusy(false);
    if (done) {
      setName('');
      setUrl('');
      setCost('paid');
    }
  };
  return (
    <form class="log-send" onSubmit={submit}>
      <label>
        <span>Recipient</span>
        <input
          name="recipient"
          data-testid="log-recipient"
          value={name}
          required
          maxLength={200}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
          placeholder="Sam Lee"
        />
      </label>
      <label>
        <span>Profile URL (optional)</span>
        <input
          name="profileUrl"
          type="url"
          value={url}
          maxLength={500}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          placeholder="https://www.linkedin.com/in/…"
        />
      </label>
      <label>
        <span>Cost</span>
        <select
          name="cost"
          data-testid="log-cost"
          value={cost}
          onChange={(e) => setCost((e.target as HTMLSelectElement).value as SendCost)}
        >
          <option value="paid">1 credit</option>
          <option value="free-connection">Free · 1st-degree connection</option>
          <option value="free-open-profile">Free · Open Profile</option>
        </select>
      </label>
      <button type="submit" class="primary" data-testid="log-send" disabled={busy}>
        Log InMail
      </button>
    </form>
  );
}
