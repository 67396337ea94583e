// Placeholder: replaced by the page's real implementation.
export function AdminAuditPage() {
  return <div>AdminAuditPage</div>;
}
