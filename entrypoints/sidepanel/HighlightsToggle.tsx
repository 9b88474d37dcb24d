import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseSettings, SETTINGS_KEY } from '@/lib/settings';

/** Highlights in the page on or off (also Alt+Shift+H). The content scripts follow the stored setting. */
export function HighlightsToggle() {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    const read = () => void browser.storage.local.get(SETTINGS_KEY).then((got) => setOn(parseSettings(got[SETTINGS_KEY]).highlights));
    read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  if (on === null) return null;
  async function flip() {
    const got = await browser.storage.local.get(SETTINGS_KEY);
    const settings = parseSettings(got[SETTINGS_KEY]);
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...settings, highlights: !settings.highlights } });
  }
  return (
    <button type="button" class="toggle" aria-pressed={on} onClick={() => void flip()} data-testid="toggle-highlights" title="Show or hide highlights in the page (Alt+Shift+H)">
      {on ? 'Highlights on' : 'Highlights off'}
    </button>
  );
}
