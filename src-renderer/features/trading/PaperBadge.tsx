/** The PAPER badge: shown wherever a paper-money venue (`sim`, `paper:<id>`) is traded. */
export function PaperBadge({ show = true }: { show?: boolean }) {
  if (!show) return null;
  return (
    <span
      className="badge sim"
      data-testid="paper-badge"
      title="Paper trading: simulated money, no real orders"
    >
      PAPER
    </span>
  );
}
