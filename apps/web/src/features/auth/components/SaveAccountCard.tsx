import { upgradeGuestBodySchema } from '@mockboard/protocol';
import { useId } from 'react';
import { useForm } from '../../../lib/use-form';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/TextField';
import { useUpgradeGuest } from '../hooks/use-auth-mutations';

interface SaveAccountCardProps {
  /** Called once the guest has become a full account; the card itself disappears with the guest. */
  onSaved: () => void;
}

/** Offered to guests only: adding an email and password keeps their id, and so their sessions. */
export function SaveAccountCard({ onSaved }: SaveAccountCardProps) {
  const titleId = useId();
  const upgrade = useUpgradeGuest();
  const form = useForm({
    initialValues: { email: '', password: '' },
    schema: upgradeGuestBodySchema,
    emptyMessages: { email: 'Enter your email', password: 'Choose a password' },
    onSubmit: async (values) => {
      await upgrade.mutateAsync(values);
      onSaved();
    },
  });

  return (
    <section className="card save-account" aria-labelledby={titleId}>
      <div className="save-account__icon" aria-hidden="true">
        <svg width="20" height="20" viewBox="0 0 20 20" focusable="false">
          <path d="M10 2.5 4 5v4.6c0 3.7 2.5 6.6 6 7.9 3.5-1.3 6-4.2 6-7.9V5l-6-2.5Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
          <path d="m7.4 10 1.8 1.8 3.5-3.6" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
      <h2 className="card__title" id={titleId}>
        Save your account
      </h2>
      <p className="card__text">You are using Mockboard as a guest. Add an email and password to keep your sessions and log in from any device.</p>
      <form className="form form--compact" onSubmit={form.onSubmit} noValidate>
        <TextField label="Email" type="email" autoComplete="email" inputMode="email" required {...form.field('email')} />
        <TextField label="Password" type="password" autoComplete="new-password" required hint="At least 8 characters." {...form.field('password')} />
        {form.formError && <Alert tone="danger">{form.formError}</Alert>}
        <Button type="submit" variant="secondary" block pending={form.pending}>
          Save account
        </Button>
      </form>
    </section>
  );
}
