import { Route } from 'react-router';
import { ActionItemsPage } from '../action-items/ActionItemsPage';
import { MetricsPage } from '../metrics/MetricsPage';
import { ProposalsPage } from './ProposalsPage';

/** The closed loop's pages (issue #5), mounted inside the app layout by App.tsx. */
export const learningRoutes = (
  <>
    <Route path="reviews/proposals" element={<ProposalsPage />} />
    <Route path="action-items" element={<ActionItemsPage />} />
    <Route path="metrics" element={<MetricsPage />} />
  </>
);
