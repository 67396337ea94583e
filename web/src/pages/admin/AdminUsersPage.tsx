// Placeholder: replaced by the page's real implementation.
export function AdminUsersPage() {
  return <div>AdminUsersPage</div>;
}
