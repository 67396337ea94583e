/** Placeholder wired by the issue #7 groundwork; replaced by the evidence item page. */
export function EvidencePage() {
  return <div />;
}
