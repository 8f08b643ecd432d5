/** A page's place while what it shows is loading: a card with a spinner named for screen readers. */
export function LoadingCard({ label }: { label: string }) {
  return (
    <section className="card empty-state" aria-busy="true">
      <span className="spinner spinner--muted" role="status" aria-label={label} />
    </section>
  );
}
