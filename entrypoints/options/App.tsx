import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Notice } from '@/components/Notice';
import { SyncSettings } from '@/components/SyncSettings';
import { originFromInput, originPattern, type AutoRun, type Settings } from '@/lib/settings';
import { getSettings, setSettings as storeSettings } from '@/lib/settings-item';

const ALL_SITES = ['http://*/*', 'https://*/*'];

const store = storeSettings;

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [input, setInput] = useState('');
  const [neverInput, setNeverInput] = useState('');
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void getSettings().then(setSettings);
  }, []);

  if (!settings) return <main class="page"><Notice title="Opening the options…" tone="busy" /></main>;

  async function chooseMode(mode: AutoRun) {
    if (!settings) return;
    if (mode === 'all') {
      // Asked now, at the moment of use, not at install. Must be the first call in the click.
      const granted = await browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
      if (!granted) {
        setMessage({ tone: 'error', text: 'Permission was not given, so Backstory still waits for a click on its button.' });
        return;
      }
    }
    if (mode !== 'all') await browser.permissions.remove({ origins: ALL_SITES }).catch(() => false);
    const next = { ...settings, autoRun: mode };
    await store(next);
    setSettings(next);
    setMessage({ tone: 'info', text: mode === 'off' ? 'Backstory reads a page only when you click its button.' : 'Saved.' });
  }

  /** The origin of a site the reader typed, or null after saying why it is not one. */
  function siteFrom(typed: string): string | null {
    const origin = originFromInput(typed);
    if (!origin) setMessage({ tone: 'error', text: `“${typed}” is not a web address. Type a site such as theguardian.com.` });
    return origin;
  }

  async function addSite(e: Event) {
    e.preventDefault();
    if (!settings) return;
    const origin = siteFrom(input);
    if (!origin) return;
    const granted = await browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
    if (!granted) {
      setMessage({ tone: 'error', text: `Permission for ${origin} was not given; the site was not added.` });
      return;
    }
    const next: Settings = { ...settings, autoRun: 'sites', sites: [...new Set([...settings.sites, origin])] };
    await store(next);
    setSettings(next);
    setInput('');
    setMessage({ tone: 'info', text: `Backstory will read articles on ${origin} by itself.` });
  }

  async function setAutoSave(on: boolean) {
    if (!settings) return;
    const next = { ...settings, autoSave: on };
    await store(next);
    setSettings(next);
    setMessage({ tone: 'info', text: on ? 'Every article Backstory reads is now saved to your archive.' : 'Articles are saved only when you click Save.' });
  }

  async function addNeverSave(e: Event) {
    e.preventDefault();
    if (!settings) return;
    const origin = siteFrom(neverInput);
    if (!origin) return;
    const next = { ...settings, neverSave: [...new Set([...settings.neverSave, origin])] };
    await store(next);
    setSettings(next);
    setNeverInput('');
  }

  async function removeNeverSave(origin: string) {
    if (!settings) return;
    const next = { ...settings, neverSave: settings.neverSave.filter((s) => s !== origin) };
    await store(next);
    setSettings(next);
  }

  async function removeSite(origin: string) {
    if (!settings) return;
    await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
    const next = { ...settings, sites: settings.sites.filter((s) => s !== origin) };
    await store(next);
    setSettings(next);
  }

  return (
    <main class="page" style="max-width: 640px; margin: 0 auto; padding: 24px 20px;">
      <h1>Backstory options</h1>
      <fieldset class="card" style="border: 1px solid var(--border);">
        <legend>When Backstory reads pages</legend>
        {(
          [
            ['off', 'Only when I click its button (or press Alt+Shift+B)', 'The default. Backstory touches no page you have not asked it to read.'],
            ['sites', 'By itself on the sites I choose', 'Backstory asks your browser for permission for each site you add.'],
            ['all', 'By itself on every site', 'Backstory asks your browser for permission to read all sites.'],
          ] as const
        ).map(([mode, label, help]) => (
          <p key={mode}>
            <label>
              <input type="radio" name="autorun" checked={settings.autoRun === mode} onChange={() => void chooseMode(mode)} /> {label}
            </label>
            <br />
            <span class="muted" style="font-size: 0.9rem; margin-left: 1.6em;">{help}</span>
          </p>
        ))}
      </fieldset>
      {settings.autoRun === 'sites' && (
        <section class="card" style="margin-top: 16px;">
          <h2>Sites</h2>
          {settings.sites.length === 0 ? <p class="muted">No sites yet.</p> : (
            <ul>
              {settings.sites.map((s) => (
                <li key={s}>
                  {s}{' '}
                  <button type="button" class="link" onClick={() => void removeSite(s)} aria-label={`Remove ${s}`}>
                    remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={(e) => void addSite(e)} style="display: flex; gap: 8px;">
            <label class="sr-only" for="site">Site to add</label>
            <input id="site" value={input} onInput={(e) => setInput((e.target as HTMLInputElement).value)} placeholder="theguardian.com" style="flex: 1; font: inherit; padding: 0.4em;" />
            <button type="submit" class="primary">Add site</button>
          </form>
        </section>
      )}
      <section class="card" style="margin-top: 16px;" data-testid="auto-save">
        <h2>Saving</h2>
        <label>
          <input type="checkbox" checked={settings.autoSave} onChange={(e) => void setAutoSave(e.currentTarget.checked)} data-testid="auto-save-toggle" /> Save every
          article Backstory reads to my archive
        </label>
        <p class="muted">Off by default. The archive stays on this device; earlier coverage in the side panel comes from it.</p>
        {settings.autoSave && (
          <>
            <h3>Never save automatically from</h3>
            {settings.neverSave.length === 0 ? (
              <p class="muted">No exceptions.</p>
            ) : (
              <ul>
                {settings.neverSave.map((s) => (
                  <li key={s}>
                    {s}{' '}
                    <button type="button" class="link" onClick={() => void removeNeverSave(s)} aria-label={`Remove ${s} from the exceptions`}>
                      remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form onSubmit={(e) => void addNeverSave(e)} style="display: flex; gap: 8px;">
              <label class="sr-only" for="never">Site never to save</label>
              <input id="never" value={neverInput} onInput={(e) => setNeverInput((e.target as HTMLInputElement).value)} placeholder="example.com" style="flex: 1; font: inherit; padding: 0.4em;" />
              <button type="submit">Add exception</button>
            </form>
          </>
        )}
      </section>
      {message && (
        <div style="margin-top: 16px;">
          <Notice title={message.tone === 'error' ? 'Not changed' : 'Done'} tone={message.tone}>
            <p>{message.text}</p>
          </Notice>
        </div>
      )}
      <SyncSettings />
      <section style="margin-top: 24px;">
        <h2>Privacy</h2>
        <p class="muted">
          Everything Backstory reads and saves stays in this browser, on this device. It has no server and sends nothing anywhere, unless you turn on sync above: then it
          sends your archive, encrypted with your passphrase, to your own sync server and nowhere else.
        </p>
      </section>
    </main>
  );
}
