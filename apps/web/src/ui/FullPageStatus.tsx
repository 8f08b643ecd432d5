import type { ReactNode } from 'react';
import { LogoMark } from './Logo';

interface FullPageStatusProps {
  title: string;
  children?: ReactNode;
  /** A busy screen shows a spinner and is announced politely; an idle one is a message with actions. */
  busy?: boolean;
}

export function FullPageStatus({ title, children, busy = false }: FullPageStatusProps) {
  return (
    <div className="full-page-status" role={busy ? 'status' : undefined} aria-busy={busy || undefined}>
      <span className="full-page-status__mark">
        <LogoMark size={40} />
      </span>
      {busy ? <p className="visually-hidden">{title}</p> : <h1 className="full-page-status__title">{title}</h1>}
      {busy && <span className="spinner spinner--muted" aria-hidden="true" />}
      {children}
    </div>
  );
}
