import { Link } from 'react-router';
import { FullPageStatus } from '../ui/FullPageStatus';

export function NotFoundPage() {
  return (
    <FullPageStatus title="Page not found">
      <title>Page not found · Mockboard</title>
      <p className="full-page-status__text">The link may be old, or the page may have moved.</p>
      <Link className="button button--secondary button--md" to="/">
        Go to your sessions
      </Link>
    </FullPageStatus>
  );
}
