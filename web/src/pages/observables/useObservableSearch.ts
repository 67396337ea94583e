import { useNavigate } from 'react-router';
import { recogniseObservable } from './queries';

/**
 * The global search box's first guess: a pasted IP, hash, domain, URL or address opens where it was
 * seen; anything else searches incidents.
 */
export function useObservableSearch(): (query: string) => Promise<boolean> {
  const navigate = useNavigate();
  return async (query) => {
    const recognised = await recogniseObservable(query).catch(() => null);
    if (!recognised) return false;
    void navigate(`/observables/lookup?type=${encodeURIComponent(recognised.type)}&value=${encodeURIComponent(query)}`);
    return true;
  };
}
