/** Placeholder wired by the issue #6 groundwork; replaced by the organisation profile page. */
export function OrganisationProfilePage() {
  return <div />;
}
