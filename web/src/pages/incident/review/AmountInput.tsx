import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { parseAmount } from './reviewDraft';

const show = (value: number | null) => (value === null ? '' : String(value));

/** A number ≥ 0 or empty (not known); typing keeps the text, a bad one is named under the field. */
export function AmountInput({ label, value, onChange, suffix, readOnly }: { label: string; value: number | null; onChange: (next: number | null) => void; suffix?: string; readOnly: boolean }) {
  const [text, setText] = useState(show(value));
  useEffect(() => {
    // Follow changes from outside (a reload, their version) unless the text already means the same.
    if (parseAmount(text) !== value) setText(show(value));
  }, [value]);
  const parsed = parseAmount(text);
  return (
    <TextInput
      label={label}
      inputMode="decimal"
      value={text}
      readOnly={readOnly}
      rightSection={suffix}
      rightSectionWidth={suffix ? 48 : undefined}
      error={parsed === undefined ? 'A number of 0 or more, or empty when not known' : undefined}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const amount = parseAmount(next);
        if (amount !== undefined) onChange(amount);
      }}
    />
  );
}
