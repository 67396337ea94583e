// Placeholder: replaced by the page's real implementation.
export function ProfilePage() {
  return <div>ProfilePage</div>;
}
