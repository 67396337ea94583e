// Placeholder: replaced by the page's real implementation.
export function LoginPage() {
  return <div>LoginPage</div>;
}
