/** What an instrument panel shows before any instrument is linked. */
export function NoInstrument() {
  return (
    <div className="panel-empty muted">
      No instrument selected. Press <kbd>/</kbd> to search, or pick a book in the health strip.
    </div>
  );
}
