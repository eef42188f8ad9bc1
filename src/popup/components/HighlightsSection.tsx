export function HighlightsSection() {
  return (
    <section aria-labelledby="h-highlights" data-testid="highlights">
      <h2 id="h-highlights">Your highlights</h2>
      <p class="empty">No highlights on this page yet. Saving highlights and notes is coming in the next version.</p>
    </section>
  );
}
