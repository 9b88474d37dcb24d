/**
 * Sync settings (issue #23, docs/sync.md), a section of the options page: the reader gives the
 * address of a database on their own CouchDB, its user name and password, and a passphrase; the
 * browser is asked for that server's host permission at that moment (never before); the background
 * then joins the archive on the server, or creates it. While sync is on the section shows when it
 * last synced, what waits to be sent, the last problem in plain words and reviews that conflicted,
 * and turns it off (optionally deleting the server's copy).
 *
 * The page never contacts the server itself: it asks the background (`sync/*`), and is told only
 * the address and user name back, never the password or the passphrase.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Notice } from './Notice';
import { SyncConflicts } from './SyncConflicts';
import { formatDate, hostOf, plural } from './format';
import { useBroadcast } from './useBroadcast';
import { request } from '@/lib/messaging/transport';
import type { SyncView } from '@/lib/messaging/protocol';
import { originPattern } from '@/lib/settings';
import { getSettings } from '@/lib/settings-item';
import type { SharedGroup } from '@/lib/sync/shared-settings';

/** The groups of settings a reader can share, in words (lib/sync/shared-settings.ts). */
const GROUP_WORDS: { group: SharedGroup; label: string }[] = [
  { group: 'reading', label: 'How pages are marked (names highlighted, every claim marked)' },
  { group: 'saving', label: 'Saving (save every article read, sites never saved by themselves)' },
];

/** How often the page reads sync's state while open (the background answers from memory; no server is contacted). */
const REFRESH_MS = 3000;

type Message = { tone: 'info' | 'error' | 'busy'; title: string; text: string } | null;

/** The pattern to ask the browser for, or null when the address is not an http(s) address (the background then says why). */
function serverPattern(address: string): string | null {
  try {
    const u = new URL(address.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? originPattern(u.href) : null;
  } catch {
    return null;
  }
}

/**
 * Gives back the server's host permission after sync was turned off or refused, unless the reader
 * also granted it for automatic reading of that site (or of every site).
 */
async function releaseServer(address: string): Promise<void> {
  const pattern = serverPattern(address);
  if (!pattern) return;
  const settings = await getSettings().catch(() => null);
  if (settings?.autoRun === 'all' || settings?.sites.some((s) => serverPattern(s) === pattern)) return;
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}

export function SyncSettings() {
  const [view, setView] = useState<SyncView | null>(null);
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [deleteRemote, setDeleteRemote] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function refresh(): Promise<void> {
    const r = await request('sync/state', {});
    if (r.ok) setView(r.value);
  }

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  useBroadcast((msg) => msg.kind === 'archive/changed' && void refresh(), []);

  async function turnOn(e: Event) {
    e.preventDefault();
    if (busy) return;
    const address = url.trim();
    const pattern = serverPattern(address);
    // Asked now, on the reader's click, for this server only. Must be the first call in the handler.
    if (pattern) {
      const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
      if (!granted) {
        setMessage({ tone: 'error', title: 'Sync is still off', text: `Your browser did not allow Backstory to contact ${hostOf(address)}, so nothing was sent anywhere.` });
        return;
      }
    }
    setBusy(true);
    setMessage({ tone: 'busy', title: 'Turning sync on…', text: 'Deriving the key from your passphrase and sending your archive, encrypted. The first sync of a large archive takes a few minutes.' });
    const r = await request('sync/on', { url: address, passphrase, ...(username.trim() ? { username: username.trim(), password } : {}) });
    setBusy(false);
    if (!r.ok) {
      await releaseServer(address);
      setMessage({ tone: 'error', title: 'Sync is still off', text: r.error });
      return;
    }
    setView(r.value);
    setPassword('');
    setPassphrase('');
    const err = r.value.state?.lastError;
    setMessage(
      err
        ? { tone: 'error', title: 'Sync is on, but the first sync did not finish', text: `${err} Backstory tries again every 15 minutes and after each change.` }
        : { tone: 'info', title: 'Sync is on', text: 'Your archive is on the server, encrypted. On another device, give the same address and passphrase to join it.' },
    );
  }

  async function turnOff() {
    if (busy || !view?.server) return;
    const address = view.server.url;
    setBusy(true);
    setMessage({ tone: 'busy', title: 'Turning sync off…', text: deleteRemote ? 'Deleting the copy on the server.' : 'Removing the local copy of the encrypted documents.' });
    const r = await request('sync/off', { deleteRemote });
    setBusy(false);
    await refresh();
    if (!r.ok) {
      setMessage({ tone: 'error', title: 'Sync is off', text: r.error });
      return;
    }
    await releaseServer(address);
    setDeleteRemote(false);
    setMessage({
      tone: 'info',
      title: 'Sync is off',
      text: deleteRemote
        ? 'The copy on the server was deleted. Your archive on this device is unchanged.'
        : 'Backstory contacts no server now. The encrypted copy stays on the server (other devices may still sync with it); your archive on this device is unchanged.',
    });
  }

  async function share(group: SharedGroup, on: boolean) {
    const now = view?.shared ?? [];
    const groups = on ? [...new Set([...now, group])] : now.filter((g) => g !== group);
    const r = await request('sync/share', { groups });
    if (r.ok) setView(r.value);
    else setMessage({ tone: 'error', title: 'Not changed', text: r.error });
  }

  async function syncNow() {
    if (busy) return;
    setBusy(true);
    const r = await request('sync/now', {});
    setBusy(false);
    if (!r.ok) setMessage({ tone: 'error', title: 'Not synced', text: r.error });
    else {
      setView(r.value);
      setMessage(null);
    }
  }

  const field = 'width: 100%; font: inherit; padding: 0.4em; box-sizing: border-box;';
  const state = view?.state ?? null;
  return (
    <section class="card" style="margin-top: 16px;" data-testid="sync" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync between your devices</h2>
      {!view ? (
        <p class="muted">Reading sync’s state…</p>
      ) : !view.on ? (
        <form onSubmit={(e) => void turnOn(e)} data-testid="sync-form">
          <p class="muted">
            Off. Backstory can keep your archive, reviews and tags the same on your devices through a CouchDB database you run or rent. Everything is encrypted with your passphrase before it leaves
            this device: the server sees neither titles, addresses, text nor tags.
          </p>
          <p>
            <label for="sync-url">Database address</label>
            <input
              id="sync-url"
              data-testid="sync-url"
              type="url"
              required
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
              placeholder="https://couch.example.net/backstory"
              style={field}
              autocomplete="off"
            />
          </p>
          <p>
            <label for="sync-user">User name</label>
            <input id="sync-user" data-testid="sync-user" value={username} onInput={(e) => setUsername(e.currentTarget.value)} style={field} autocomplete="username" />
          </p>
          <p>
            <label for="sync-password">Password</label>
            <input id="sync-password" data-testid="sync-password" type="password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} style={field} autocomplete="current-password" />
          </p>
          <p>
            <label for="sync-passphrase">Passphrase</label>
            <input
              id="sync-passphrase"
              data-testid="sync-passphrase"
              type="password"
              required
              value={passphrase}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
              style={field}
              autocomplete="new-password"
              aria-describedby="sync-passphrase-help"
            />
            <span id="sync-passphrase-help" class="muted" style="font-size: 0.9rem;">
              Not your server password. Choose several unrelated words: whoever holds the server’s copy can try passphrases against it at leisure. It cannot be recovered; without it the copy on the
              server cannot be read. On a second device, give the same address and passphrase.
            </span>
          </p>
          <button type="submit" class="primary" disabled={busy} data-testid="sync-on">
            Turn sync on
          </button>
        </form>
      ) : (
        <div data-testid="sync-on-state">
          <p>
            On, with <strong>{view.server?.url}</strong>
            {view.server?.username ? ` as ${view.server.username}` : ''}.
          </p>
          <ul data-testid="sync-status" style="padding-left: 1.2em;">
            <li data-testid="sync-last">{state?.running ? 'Syncing now…' : state?.lastSynced ? `Last synced ${formatDate(state.lastSynced, true)}.` : 'Not synced yet.'}</li>
            <li data-testid="sync-pending">{state?.pending ? `${plural(state.pending, 'change')} of this device waiting to be sent.` : 'Nothing waiting to be sent.'}</li>
          </ul>
          {state?.lastError && (
            <Notice title="Sync has a problem" tone="error" testId="sync-error">
              <p>{state.lastError}</p>
            </Notice>
          )}
          <SyncConflicts conflicts={state?.conflicts ?? []} />
          <fieldset data-testid="sync-shared" style="border: none; padding: 0; margin: 0 0 12px;">
            <legend>Settings shared with your other devices (encrypted like the rest)</legend>
            {GROUP_WORDS.map(({ group, label }) => (
              <label key={group} style="display: block;">
                <input type="checkbox" checked={view.shared.includes(group)} onChange={(e) => void share(group, e.currentTarget.checked)} data-testid={`sync-share-${group}`} /> {label}
              </label>
            ))}
            <span class="muted" style="font-size: 0.9rem;">
              Tick the same on each device that should follow them; a device that ticks one takes the values the others share. Sites read without a click are never shared: each browser asks you for
              its own permission to read a site.
            </span>
          </fieldset>
          <p style="display: flex; gap: 8px; flex-wrap: wrap; align-items: center;">
            <button type="button" onClick={() => void syncNow()} disabled={busy} data-testid="sync-now">
              Sync now
            </button>
            <button type="button" onClick={() => void turnOff()} disabled={busy} data-testid="sync-off">
              Turn sync off
            </button>
            <label>
              <input type="checkbox" checked={deleteRemote} onChange={(e) => setDeleteRemote(e.currentTarget.checked)} data-testid="sync-delete-remote" /> and delete the copy on the server
            </label>
          </p>
          <p class="muted" style="font-size: 0.9rem;">
            Turning sync off keeps your archive on this device as it is. The copy on the server stays for your other devices unless you delete it; deleting it does not touch their archives.
          </p>
        </div>
      )}
      {message && (
        <div style="margin-top: 12px;">
          <Notice title={message.title} tone={message.tone} testId="sync-message">
            <p>{message.text}</p>
          </Notice>
        </div>
      )}
    </section>
  );
}
