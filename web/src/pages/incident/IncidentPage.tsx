// Placeholder: replaced by the page's real implementation.
export function IncidentPage() {
  return <div>IncidentPage</div>;
}
