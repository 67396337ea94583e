// Placeholder: replaced by the page's real implementation.
export function CreateIncidentPage() {
  return <div>CreateIncidentPage</div>;
}
