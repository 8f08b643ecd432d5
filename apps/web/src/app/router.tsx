import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AuthPage } from '../features/auth/components/AuthPage';
import { RedirectIfAuthenticated } from '../features/auth/components/RedirectIfAuthenticated';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { DashboardPage } from '../features/dashboard/components/DashboardPage';
import { ProblemEditorPage } from '../features/problems/components/ProblemEditorPage';
import { ProblemsPage } from '../features/problems/components/ProblemsPage';
import { ScorecardPage } from '../features/scorecard/components/ScorecardPage';
import { JoinPage } from '../features/sessions/components/JoinPage';
import { FullPageStatus } from '../ui/FullPageStatus';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { LoadingCard } from '../ui/LoadingCard';

// The room brings Excalidraw (several hundred kB): only visitors who open a room download it.
const RoomPage = lazy(() => import('../features/room/components/RoomPage').then((module) => ({ default: module.RoomPage })));
// The review replays the board (Excalidraw) and charts the session (recharts): loaded when opened.
const ReviewPage = lazy(() => import('../features/review/components/ReviewPage').then((module) => ({ default: module.ReviewPage })));
// The progress chart brings recharts (~100 kB gzipped): loaded when the page is opened.
const ProgressPage = lazy(() => import('../features/progress/components/ProgressPage').then((module) => ({ default: module.ProgressPage })));

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
        children: [
          { index: true, element: <DashboardPage /> },
          { path: '/problems', element: <ProblemsPage /> },
          { path: '/problems/new', element: <ProblemEditorPage /> },
          { path: '/problems/:slug/edit', element: <ProblemEditorPage /> },
          { path: '/sessions/:id/scorecard', element: <ScorecardPage /> },
          {
            path: '/sessions/:id/review',
            element: (
              <Suspense fallback={<LoadingCard label="Loading the review" />}>
                <ReviewPage />
              </Suspense>
            ),
          },
          {
            path: '/progress',
            element: (
              <Suspense fallback={<LoadingCard label="Loading your progress" />}>
                <ProgressPage />
              </Suspense>
            ),
          },
        ],
      },
      { path: '/join/:code', element: <JoinPage /> },
      {
        path: '/sessions/:id',
        element: (
          <Suspense fallback={<FullPageStatus title="Opening the session" busy />}>
            <RoomPage />
          </Suspense>
        ),
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
