/** The PAPER badge: shown wherever a venue with paper money (the simulated venue) is traded. */
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
