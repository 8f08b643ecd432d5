import { createBrowserRouter } from 'react-router';
import { AuthPage } from '../features/auth/components/AuthPage';
import { RedirectIfAuthenticated } from '../features/auth/components/RedirectIfAuthenticated';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { DashboardPage } from '../features/dashboard/components/DashboardPage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';

export const router = createBrowserRouter([
  {
    element: <RedirectIfAuthenticated />,
    children: [
      { path: '/login', element: <AuthPage mode="login" /> },
      { path: '/signup', element: <AuthPage mode="signup" /> },
      { path: '/guest', element: <AuthPage mode="guest" /> },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell />,
        children: [{ index: true, element: <DashboardPage /> }],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
