import { loginBodySchema } from '@mockboard/protocol';
import { useForm } from '../../../lib/use-form';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/TextField';
import { useLogin } from '../hooks/use-auth-mutations';

export function LoginForm() {
  const login = useLogin();
  const form = useForm({
    initialValues: { email: '', password: '' },
    schema: loginBodySchema,
    emptyMessages: { email: 'Enter your email', password: 'Enter your password' },
    onSubmit: (values) => login.mutateAsync(values),
  });

  return (
    <form className="form" onSubmit={form.onSubmit} noValidate>
      <TextField label="Email" type="email" autoComplete="username" inputMode="email" autoFocus required {...form.field('email')} />
      <TextField label="Password" type="password" autoComplete="current-password" required {...form.field('password')} />
      {form.formError && <Alert tone="danger">{form.formError}</Alert>}
      <Button type="submit" block pending={form.pending}>
        Log in
      </Button>
    </form>
  );
}
