// Placeholder: replaced by the page's real implementation.
export function HomePage() {
  return <div>HomePage</div>;
}
