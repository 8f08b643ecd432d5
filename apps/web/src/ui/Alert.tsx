import type { ReactNode } from 'react';

interface AlertProps {
  tone: 'danger' | 'success';
  children: ReactNode;
  /** Shown as a trailing action, e.g. a dismiss button. */
  action?: ReactNode;
}

/** A message about a whole form or page; announced to screen readers when it appears. */
export function Alert({ tone, children, action }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <div className="alert__body">{children}</div>
      {action}
    </div>
  );
}
