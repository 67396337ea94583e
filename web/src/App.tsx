import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { AdminAuditPage } from './pages/admin/AdminAuditPage';
import { AdminTokensPage } from './pages/admin/AdminTokensPage';
import { AdminUsersPage } from './pages/admin/AdminUsersPage';
import { HomePage } from './pages/home/HomePage';
import { CreateIncidentPage } from './pages/incidents/CreateIncidentPage';
import { IncidentListPage } from './pages/incidents/IncidentListPage';
import { IncidentPage } from './pages/incident/IncidentPage';
import { LoginPage } from './pages/login/LoginPage';
import { LoginRedirect } from './pages/login/LoginRedirect';
import { ProfilePage } from './pages/profile/ProfilePage';

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
        <Route path="incidents" element={<IncidentListPage />} />
        <Route path="incidents/new" element={<CreateIncidentPage />} />
        <Route path="incidents/:id" element={<IncidentPage />} />
        <Route path="admin" element={<Navigate to="/admin/users" replace />} />
        <Route path="admin/users" element={<AdminUsersPage />} />
        <Route path="admin/tokens" element={<AdminTokensPage />} />
        <Route path="admin/audit" element={<AdminAuditPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
