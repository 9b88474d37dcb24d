import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Notice } from '@/components/Notice';
import { SyncSettings } from '@/components/SyncSettings';
import { useSettings } from '@/components/useSettings';
import { originFromInput, originPattern, type AutoRun, type Settings } from '@/lib/settings';
import { updateSettings } from '@/lib/settings-item';
import './options.css';

const ALL_SITES = ['http://*/*', 'https://*/*'];

/** What the last change did, said once in the status line under the title. */
interface Outcome {
  tone: 'ok' | 'error';
  text: string;
}

const MODES: readonly { mode: AutoRun; label: string; help: string }[] = [
  { mode: 'off', label: 'Only when I ask', help: 'Click Backstory’s button or press Alt+Shift+B. Backstory touches no page you have not asked it to read. The default.' },
  { mode: 'sites', label: 'By itself on the sites I choose', help: 'Your browser asks for permission for each site you add.' },
  { mode: 'all', label: 'By itself on every site', help: 'Your browser asks for permission to read all sites.' },
];

/**
 * The options as one form: four sections of the same shape (a heading, choices as large as their
 * labels, a line of help under each), and every change applied at once and confirmed in one status
 * line, so there is no Save button to forget. Follows the stored settings live (the panel and the
 * keyboard shortcut change some of them too).
 */
export function App() {
  const settings = useSettings();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (!settings)
    return (
      <main class="page options">
        <Notice title="Opening the options…" tone="busy" />
      </main>
    );

  async function change(patch: Partial<Settings> | ((s: Settings) => Partial<Settings>), done: string) {
    try {
      await updateSettings(patch);
      setOutcome({ tone: 'ok', text: done });
    } catch (e) {
      setOutcome({ tone: 'error', text: `Not changed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  async function chooseMode(mode: AutoRun) {
    if (mode === 'all') {
      // Asked now, at the moment of use, not at install. Must be the first call in the click.
      const granted = await browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
      if (!granted) return setOutcome({ tone: 'error', text: 'Permission was not given, so Backstory still waits for you to ask.' });
    }
    if (mode !== 'all') await browser.permissions.remove({ origins: ALL_SITES }).catch(() => false);
    const said: Record<AutoRun, string> = {
      off: 'Backstory reads a page only when you ask.',
      sites: 'Backstory reads pages by itself on the sites listed below.',
      all: 'Backstory reads pages by itself on every site.',
    };
    await change({ autoRun: mode }, said[mode]);
  }

  /** The origin of a site the reader typed, or null after saying why it is not one. */
  function siteFrom(typed: string): string | null {
    const origin = originFromInput(typed);
    if (!origin) setOutcome({ tone: 'error', text: `“${typed}” is not a web address. Type a site such as theguardian.com.` });
    return origin;
  }

  async function addSite(typed: string): Promise<boolean> {
    const origin = siteFrom(typed);
    if (!origin) return false;
    const granted = await browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
    if (!granted) {
      setOutcome({ tone: 'error', text: `Permission for ${origin} was not given; the site was not added.` });
      return false;
    }
    await change((s) => ({ autoRun: 'sites', sites: [...new Set([...s.sites, origin])] }), `Backstory will read articles on ${origin} by itself.`);
    return true;
  }

  async function removeSite(origin: string) {
    await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
    await change((s) => ({ sites: s.sites.filter((x) => x !== origin) }), `Backstory no longer reads ${origin} by itself.`);
  }

  async function addNeverSave(typed: string): Promise<boolean> {
    const origin = siteFrom(typed);
    if (!origin) return false;
    await change((s) => ({ neverSave: [...new Set([...s.neverSave, origin])] }), `Articles on ${origin} are saved only when you click Save.`);
    return true;
  }

  return (
    <main class="page options">
      <header class="options-header">
        <h1>Backstory options</h1>
        <p class="muted">Changes apply at once; there is nothing to save.</p>
        <p class={`options-status${outcome ? ` options-status-${outcome.tone}` : ''}`} role="status" aria-live="polite" data-testid="options-status">
          {outcome ? (outcome.tone === 'ok' ? `✓ ${outcome.text}` : outcome.text) : ''}
        </p>
      </header>
      <form class="options-form" aria-label="Backstory options" onSubmit={(e) => e.preventDefault()}>
        <Section title="Reading pages" id="reading" legend>
          {MODES.map(({ mode, label, help }) => (
            <div class="option" key={mode} data-mode={mode}>
              <input type="radio" id={`autorun-${mode}`} name="autorun" checked={settings.autoRun === mode} onChange={() => void chooseMode(mode)} aria-describedby={`autorun-${mode}-help`} />
              <label for={`autorun-${mode}`}>{label}</label>
              <p class="help" id={`autorun-${mode}-help`}>
                {help}
              </p>
              {mode === 'sites' && settings.autoRun === 'sites' && (
                <SiteList
                  id="site"
                  label="Sites Backstory reads by itself"
                  sites={settings.sites}
                  empty="No sites yet: add one."
                  placeholder="theguardian.com"
                  addLabel="Add site"
                  onAdd={addSite}
                  onRemove={(s) => void removeSite(s)}
                  testId="sites"
                />
              )}
            </div>
          ))}
        </Section>

        <Section title="Marks in the page" id="marks">
          <Check
            id="highlights"
            checked={settings.highlights}
            onChange={(on) => void change({ highlights: on }, on ? 'Names and claims are marked in the pages Backstory reads.' : 'Nothing is marked in pages; the side panel still lists everything.')}
            label="Mark names and claims in the page"
            help="People, organisations and places, and the claims to doubt, are underlined in the article. Also Alt+Shift+H, or the side panel’s button."
          />
          <Check
            id="all-claims"
            checked={settings.allClaims}
            disabled={!settings.highlights}
            onChange={(on) => void change({ allClaims: on }, on ? 'Every claim is marked in the page.' : 'Only the claims to doubt are marked in the page.')}
            label="Mark every claim, not only those to doubt"
            help="Off: only unverified claims, and those you reviewed as disputed or false, are marked, so they stand out."
          />
        </Section>

        <Section title="Saving" id="saving" testId="auto-save">
          <Check
            id="auto-save"
            testId="auto-save-toggle"
            checked={settings.autoSave}
            onChange={(on) => void change({ autoSave: on }, on ? 'Every article Backstory reads is now saved to your archive.' : 'Articles are saved only when you click Save.')}
            label="Save every article Backstory reads to my archive"
            help="Off by default. The archive stays on this device; earlier coverage in the side panel comes from it."
          />
          {settings.autoSave && (
            <SiteList
              id="never"
              label="Never save automatically from"
              sites={settings.neverSave}
              empty="No exceptions."
              placeholder="example.com"
              addLabel="Add exception"
              onAdd={addNeverSave}
              onRemove={(s) => void change((x) => ({ neverSave: x.neverSave.filter((o) => o !== s) }), `Articles on ${s} are saved automatically again.`)}
              testId="never-save"
            />
          )}
        </Section>

        <Section title="Keyboard" id="keyboard">
          <dl class="keys">
            <dt>
              <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>B</kbd>
            </dt>
            <dd>Read this page and open the side panel.</dd>
            <dt>
              <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>H</kbd>
            </dt>
            <dd>Show or hide the marks in the page.</dd>
            <dt>
              <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>J</kbd>
            </dt>
            <dd>Go to the next name or claim marked in the page and show its card; Tab goes on from there, Escape closes the card.</dd>
          </dl>
          <p class="help">Your browser’s extension shortcuts page can change these keys.</p>
        </Section>
      </form>
      {/* Sync has a form of its own (its fields are sent together, on the reader's click). */}
      <SyncSettings />
      <Section title="Privacy" id="privacy">
        <p class="help">
          Everything Backstory reads and saves stays in this browser, on this device. It has no server and sends nothing anywhere, unless you turn on sync above: then it sends your archive, encrypted
          with your passphrase, to your own sync server and nowhere else.
        </p>
      </Section>
    </main>
  );
}

/** One section of the form: a fieldset when it groups one choice (its title is the legend), else a region. */
function Section(props: { title: string; id: string; legend?: boolean; testId?: string; children: ComponentChildren }) {
  if (props.legend)
    return (
      <fieldset class="options-section" data-testid={props.testId ?? `section-${props.id}`}>
        <legend>
          <h2>{props.title}</h2>
        </legend>
        {props.children}
      </fieldset>
    );
  return (
    <section class="options-section" aria-labelledby={`${props.id}-title`} data-testid={props.testId ?? `section-${props.id}`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function Check(props: { id: string; checked: boolean; disabled?: boolean; onChange(on: boolean): void; label: string; help: string; testId?: string }) {
  return (
    <div class={`option${props.disabled ? ' option-disabled' : ''}`}>
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
        aria-describedby={`${props.id}-help`}
        data-testid={props.testId ?? props.id}
      />
      <label for={props.id}>{props.label}</label>
      <p class="help" id={`${props.id}-help`}>
        {props.help}
      </p>
    </div>
  );
}

/** A list of sites with a remove button each, and a box to add one. */
function SiteList(props: {
  id: string;
  label: string;
  sites: readonly string[];
  empty: string;
  placeholder: string;
  addLabel: string;
  onAdd(typed: string): Promise<boolean>;
  onRemove(origin: string): void;
  testId: string;
}) {
  const [typed, setTyped] = useState('');
  const add = async () => {
    if (await props.onAdd(typed)) setTyped('');
  };
  return (
    <div class="site-list" data-testid={props.testId}>
      <h3 id={`${props.id}-list`}>{props.label}</h3>
      {props.sites.length === 0 ? (
        <p class="help">{props.empty}</p>
      ) : (
        <ul aria-labelledby={`${props.id}-list`}>
          {props.sites.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button type="button" class="small" onClick={() => props.onRemove(s)} aria-label={`Remove ${s}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="site-add">
        <label for={props.id}>Add a site</label>
        <input
          id={props.id}
          value={typed}
          onInput={(e) => setTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
          placeholder={props.placeholder}
        />
        <button type="button" onClick={() => void add()} data-testid={`${props.testId}-add`}>
          {props.addLabel}
        </button>
      </div>
    </div>
  );
}
