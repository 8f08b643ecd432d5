import { registerBodySchema } from '@mockboard/protocol';
import { useForm } from '../../../lib/use-form';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/TextField';
import { useRegister } from '../hooks/use-auth-mutations';

export function SignupForm() {
  const register = useRegister();
  const form = useForm({
    initialValues: { displayName: '', email: '', password: '' },
    schema: registerBodySchema,
    emptyMessages: { displayName: 'Enter the name others will see', email: 'Enter your email', password: 'Choose a password' },
    onSubmit: (values) => register.mutateAsync(values),
  });

  return (
    <form className="form" onSubmit={form.onSubmit} noValidate>
      <TextField label="Display name" autoComplete="name" autoFocus required hint="Shown to the people you interview with." {...form.field('displayName')} />
      <TextField label="Email" type="email" autoComplete="email" inputMode="email" required {...form.field('email')} />
      <TextField label="Password" type="password" autoComplete="new-password" required hint="At least 8 characters." {...form.field('password')} />
      {form.formError && <Alert tone="danger">{form.formError}</Alert>}
      <Button type="submit" block pending={form.pending}>
        Create account
      </Button>
    </form>
  );
}
