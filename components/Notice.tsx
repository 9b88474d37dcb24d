import type { ComponentChildren } from 'preact';

/** A full-width state message: what is happening, and what the reader can do about it. */
export function Notice(props: { title: string; tone?: 'info' | 'warn' | 'error' | 'busy'; children?: ComponentChildren; testId?: string }) {
  const tone = props.tone ?? 'info';
  return (
    <section class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} aria-live="polite" data-testid={props.testId ?? 'notice'}>
      {tone === 'busy' && <span class="spinner" aria-hidden="true" />}
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}
