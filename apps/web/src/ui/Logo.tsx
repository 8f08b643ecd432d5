interface LogoProps {
  /** For dark or accent backgrounds. */
  inverted?: boolean;
}

export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo__mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M10 11.5 22 11.5M10 11.5 16 21.5M22 11.5 16 21.5" stroke="var(--logo-line)" strokeWidth="2" strokeLinecap="round" />
      <rect x="6.5" y="8" width="7" height="7" rx="2" fill="var(--logo-node)" />
      <rect x="18.5" y="8" width="7" height="7" rx="2" fill="var(--logo-node)" />
      <circle cx="16" cy="22" r="4" fill="var(--logo-node)" />
    </svg>
  );
}

export function Logo({ inverted = false }: LogoProps) {
  return (
    <span className={inverted ? 'logo logo--inverted' : 'logo'}>
      <LogoMark />
      <span className="logo__name">Mockboard</span>
    </span>
  );
}
