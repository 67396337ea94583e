// Placeholder: replaced by the page's real implementation.
export function IncidentListPage() {
  return <div>IncidentListPage</div>;
}
