/** Placeholder wired by the issue #6 groundwork; replaced by the response plan page. */
export function PlanPage() {
  return <div />;
}
