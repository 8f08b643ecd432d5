import { Link } from 'react-router';

/** Guests have no lasting account to keep a problem in: the way in is saving the account first. */
export function GuestCannotWrite() {
  return (
    <section className="card empty-state" aria-labelledby="guest-problems-title">
      <h2 className="empty-state__title" id="guest-problems-title">
        Save your account to write problems
      </h2>
      <p className="empty-state__text">
        Guests can use the built-in problems but cannot write their own. Add an email and a password to your account on the sessions page; your
        sessions stay yours.
      </p>
      <Link className="button button--secondary button--md empty-state__action" to="/">
        Go to your sessions
      </Link>
    </section>
  );
}
