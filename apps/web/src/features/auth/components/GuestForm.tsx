import { guestBodySchema } from '@mockboard/protocol';
import { useForm } from '../../../lib/use-form';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/TextField';
import { useContinueAsGuest } from '../hooks/use-auth-mutations';

export function GuestForm() {
  const continueAsGuest = useContinueAsGuest();
  const form = useForm({
    initialValues: { displayName: '' },
    schema: guestBodySchema,
    emptyMessages: { displayName: 'Enter the name others will see' },
    onSubmit: (values) => continueAsGuest.mutateAsync(values),
  });

  return (
    <form className="form" onSubmit={form.onSubmit} noValidate>
      <TextField label="Display name" autoComplete="nickname" autoFocus required hint="Shown to the people you interview with." {...form.field('displayName')} />
      {form.formError && <Alert tone="danger">{form.formError}</Alert>}
      <Button type="submit" block pending={form.pending}>
        Continue as guest
      </Button>
      <p className="form__note">Your guest session lives in this browser until you save your account.</p>
    </form>
  );
}
