/** One labelled filter: a <select> with "Any" first, then the given choices. Shared by the archive's filter rows. */
export interface FilterSelectProps<T extends string> {
  label: string;
  value: T | '';
  choices: readonly (T | { value: T; label: string })[];
  onChange(value: T | ''): void;
  /** What the empty choice says ("Any", "Anyone"). */
  any?: string;
  testId?: string;
}

export function FilterSelect<T extends string>({ label, value, choices, onChange, any = 'Any', testId }: FilterSelectProps<T>) {
  return (
    <label class="filter-select">
      <span class="filter-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as T | '')} data-testid={testId}>
        <option value="">{any}</option>
        {choices.map((c) => {
          const o = typeof c === 'string' ? { value: c, label: c } : c;
          return (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          );
        })}
      </select>
    </label>
  );
}
