// Placeholder: replaced by the page's real implementation.
export function AdminTokensPage() {
  return <div>AdminTokensPage</div>;
}
