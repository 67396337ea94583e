import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { AlertDetailPage } from './pages/alerts/AlertDetailPage';
import { AlertQueuePage } from './pages/alerts/AlertQueuePage';
import { AlertRulesPage } from './pages/alert-rules/AlertRulesPage';
import { AdminAuditPage } from './pages/admin/AdminAuditPage';
import { AdminTokensPage } from './pages/admin/AdminTokensPage';
import { AdminUsersPage } from './pages/admin/AdminUsersPage';
import { AdminWebhooksPage } from './pages/webhooks/AdminWebhooksPage';
import { AdminAttackPage } from './pages/techniques/AdminAttackPage';
import { WebhookDeliveriesPage } from './pages/webhooks/WebhookDeliveriesPage';
import { HomePage } from './pages/home/HomePage';
import { CreateIncidentPage } from './pages/incidents/CreateIncidentPage';
import { IncidentListPage } from './pages/incidents/IncidentListPage';
import { IncidentPage } from './pages/incident/IncidentPage';
import { ObservablePage } from './pages/observables/ObservablePage';
import { LoginPage } from './pages/login/LoginPage';
import { LoginRedirect } from './pages/login/LoginRedirect';
import { ProfilePage } from './pages/profile/ProfilePage';
import { RiskSettingsPage } from './pages/admin/RiskSettingsPage';
import { PortfolioPage } from './pages/risks/PortfolioPage';
import { RiskDashboardPage } from './pages/risks/RiskDashboardPage';
import { RiskFormPage } from './pages/risks/RiskFormPage';
import { RiskImportPage } from './pages/risks/RiskImportPage';
import { RiskPage } from './pages/risks/RiskPage';
import { RiskRegisterPage } from './pages/risks/RiskRegisterPage';
import { AssetPage } from './pages/assets/AssetPage';
import { AssetsPage } from './pages/assets/AssetsPage';
import { ControlPage } from './pages/controls/ControlPage';
import { ControlsPage } from './pages/controls/ControlsPage';
import { CoveragePage } from './pages/controls/CoveragePage';
import { learningRoutes } from './pages/learning/routes';
import { OrganisationProfilePage } from './pages/admin/organisation-profile/OrganisationProfilePage';
import { PlanPage } from './pages/preparedness/PlanPage';
import { EvidencePage } from './pages/evidence/EvidencePage';

export function App() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/login" element={<LoginRedirect />} />
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="alerts" element={<AlertQueuePage />} />
        <Route path="alerts/rules" element={<AlertRulesPage />} />
        <Route path="alerts/:id" element={<AlertDetailPage />} />
        <Route path="incidents" element={<IncidentListPage />} />
        <Route path="incidents/new" element={<CreateIncidentPage />} />
        <Route path="incidents/:id" element={<IncidentPage />} />
        <Route path="evidence/:id" element={<EvidencePage />} />
        <Route path="controls" element={<ControlsPage />} />
        <Route path="controls/coverage" element={<CoveragePage />} />
        <Route path="controls/:id" element={<ControlPage />} />
        <Route path="assets" element={<AssetsPage />} />
        <Route path="assets/:id" element={<AssetPage />} />
        <Route path="risks" element={<RiskRegisterPage />} />
        <Route path="risks/new" element={<RiskFormPage />} />
        <Route path="risks/dashboard" element={<RiskDashboardPage />} />
        <Route path="risks/portfolio" element={<PortfolioPage />} />
        <Route path="risks/import" element={<RiskImportPage />} />
        <Route path="risks/:id" element={<RiskPage />} />
        <Route path="risks/:id/edit" element={<RiskFormPage />} />
        <Route path="admin/risk-settings" element={<RiskSettingsPage />} />
        <Route path="admin/organisation-profile" element={<OrganisationProfilePage />} />
        <Route path="preparedness" element={<Navigate to="/preparedness/plan" replace />} />
        <Route path="preparedness/plan" element={<PlanPage />} />
        <Route path="observables/lookup" element={<ObservablePage />} />
        <Route path="observables/:id" element={<ObservablePage />} />
        <Route path="admin" element={<Navigate to="/admin/users" replace />} />
        <Route path="admin/users" element={<AdminUsersPage />} />
        <Route path="admin/tokens" element={<AdminTokensPage />} />
        <Route path="admin/audit" element={<AdminAuditPage />} />
        <Route path="admin/webhooks" element={<AdminWebhooksPage />} />
        <Route path="admin/webhooks/:id" element={<WebhookDeliveriesPage />} />
        <Route path="admin/attack" element={<AdminAttackPage />} />
        <Route path="profile" element={<ProfilePage />} />
        {learningRoutes}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
