/**
 * A blotter cell that turns into an input on click (or Enter when focused): Enter sends the new
 * value, Escape or leaving the cell keeps the old one. Used for amending price and size in place.
 */
import { useState } from 'react';

export function InlineEdit({
  value,
  label,
  field,
  onCommit,
}: {
  value: string;
  label: string;
  field: string;
  onCommit: (next: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  if (editing === null) {
    return (
      <button
        type="button"
        className="cell-edit"
        data-field={field}
        title={`${label}: click to change`}
        onClick={() => setEditing(value)}
      >
        {value}
      </button>
    );
  }
  return (
    <input
      className="cell-input"
      aria-label={`New ${label.toLowerCase()}`}
      data-edit={field}
      inputMode="decimal"
      autoFocus
      value={editing}
      onChange={(e) => setEditing(e.target.value)}
      onBlur={() => setEditing(null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          const next = editing.trim();
          setEditing(null);
          if (next && next !== value) onCommit(next);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          setEditing(null);
        }
      }}
    />
  );
}
