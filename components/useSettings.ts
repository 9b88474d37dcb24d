import { useEffect, useState } from 'preact/hooks';
import { getSettings, watchSettings } from '@/lib/settings-item';
import type { Settings } from '@/lib/settings';

/** The stored settings, following every change (options page, panel, keyboard shortcut); null until read. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void getSettings().then((s) => live && setSettings(s));
    const stop = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}
