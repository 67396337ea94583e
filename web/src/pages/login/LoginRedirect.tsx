import { Navigate, useLocation } from 'react-router';
import { safeNext } from './safeNext';

/** /login for someone already signed in: on to the page they wanted (?next=), or home. */
export function LoginRedirect() {
  const { search } = useLocation();
  return <Navigate to={safeNext(search)} replace />;
}
