import { useSettings } from '@/components/useSettings';
import { updateSettings } from '@/lib/settings-item';

/**
 * Marks in the page on or off (also Alt+Shift+H). The content scripts follow the stored setting.
 * Shown only while the panel holds an article: elsewhere there is nothing marked to switch.
 */
export function HighlightsToggle() {
  const settings = useSettings();
  if (!settings) return null;
  const on = settings.highlights;
  return (
    <button
      type="button"
      class="toggle"
      aria-pressed={on}
      onClick={() => void updateSettings((s) => ({ highlights: !s.highlights }))}
      data-testid="toggle-highlights"
      title="Show or hide the marks Backstory adds to the page (Alt+Shift+H)"
    >
      {on ? 'Marks in page: on' : 'Marks in page: off'}
    </button>
  );
}
