/**
 * The app's icons as inline SVG (16×16, drawn in currentColor), so they look the same on every
 * machine: a font glyph such as ⏰ shows as an empty box where no emoji font is installed.
 * Icons are decoration: the text or accessible name beside them carries the meaning.
 */
import type { ReactElement } from 'react';

const round = { strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

const SHAPES = {
  unknown: (
    <>
      <circle cx="8" cy="8" r="6.25" fill="none" strokeWidth="1.5" />
      <path
        d="M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.5"
        fill="none"
        strokeWidth="1.5"
        {...round}
      />
      <circle cx="8" cy="11.6" r=".9" stroke="none" fill="currentColor" />
    </>
  ),
  planned: <circle cx="8" cy="8" r="5.75" fill="none" strokeWidth="1.75" />,
  'in-progress': (
    <>
      <circle cx="8" cy="8" r="5.75" fill="none" strokeWidth="1.75" />
      <path d="M8 8V2.25A5.75 5.75 0 0 1 13.75 8Z" stroke="none" fill="currentColor" />
    </>
  ),
  achieved: <path d="M2.75 8.5 6.4 12 13.25 4.25" fill="none" strokeWidth="2" {...round} />,
  partial: (
    <>
      <circle cx="8" cy="8" r="5.75" fill="none" strokeWidth="1.75" />
      <path d="M8 2.25a5.75 5.75 0 0 1 0 11.5Z" stroke="none" fill="currentColor" />
    </>
  ),
  missed: <path d="M3.75 3.75 12.25 12.25M12.25 3.75 3.75 12.25" fill="none" strokeWidth="2" {...round} />,
  dropped: (
    <>
      <circle cx="8" cy="8" r="5.75" fill="none" strokeWidth="1.75" />
      <path d="M3.9 12.1 12.1 3.9" fill="none" strokeWidth="1.75" />
    </>
  ),
  overdue: (
    <>
      <path d="M8 1.75 14.75 13.75H1.25Z" fill="none" strokeWidth="1.5" {...round} />
      <path d="M8 6v3.75" fill="none" strokeWidth="1.75" {...round} />
      <circle cx="8" cy="11.6" r=".9" stroke="none" fill="currentColor" />
    </>
  ),
  'due-soon': (
    <>
      <circle cx="8" cy="9" r="5.25" fill="none" strokeWidth="1.5" />
      <path d="M8 6.25V9l1.9 1.4M2 3.75 4 2M14 3.75 12 2" fill="none" strokeWidth="1.5" {...round} />
    </>
  ),
  late: (
    <>
      <circle cx="8" cy="9.25" r="5" fill="none" strokeWidth="1.5" />
      <path d="M8 9.25 10.25 7M6.5 1.75h3M8 1.75v2.5" fill="none" strokeWidth="1.5" {...round} />
    </>
  ),
  own: (
    <path
      d="m8 1.5 1.95 4 4.4.6-3.2 3.05.8 4.35L8 11.4l-3.95 2.1.8-4.35-3.2-3.05 4.4-.6Z"
      stroke="none"
      fill="currentColor"
    />
  ),
  deadline: <path d="M8 2 14 8 8 14 2 8Z" stroke="none" fill="currentColor" />,
  start: <path d="M4 2.5 13 8 4 13.5Z" stroke="none" fill="currentColor" />,
  recurring: <circle cx="8" cy="8" r="4.5" stroke="none" fill="currentColor" />,
  undated: <path d="M3 8h10" fill="none" strokeWidth="2" {...round} />,
  repeat: (
    <path
      d="M12.5 6.5A4.75 4.75 0 0 0 3.6 5.2M3.5 9.5a4.75 4.75 0 0 0 8.9 1.3M3.25 2.5v2.9h2.9M12.75 13.5v-2.9h-2.9"
      fill="none"
      strokeWidth="1.5"
      {...round}
    />
  ),
  close: <path d="M4 4 12 12M12 4 4 12" fill="none" strokeWidth="1.75" {...round} />,
  'caret-right': <path d="M6 3.5 10.5 8 6 12.5Z" stroke="none" fill="currentColor" />,
  'caret-down': <path d="M3.5 6 8 10.5 12.5 6Z" stroke="none" fill="currentColor" />,
  minus: <path d="M3.5 8h9" fill="none" strokeWidth="1.75" {...round} />,
  plus: <path d="M3.5 8h9M8 3.5v9" fill="none" strokeWidth="1.75" {...round} />,
  copy: (
    <>
      <rect x="5.25" y="5.25" width="8" height="8.5" rx="1.25" fill="none" strokeWidth="1.5" />
      <path
        d="M10.5 3.25V3A1.25 1.25 0 0 0 9.25 1.75h-5.5A1.25 1.25 0 0 0 2.5 3v7.25a1.25 1.25 0 0 0 1.25 1.25H4"
        fill="none"
        strokeWidth="1.5"
      />
    </>
  ),
  bell: (
    <path
      d="M4 11.5V7.25a4 4 0 0 1 8 0v4.25l1.25 1.25H2.75ZM6.5 14.25h3"
      fill="none"
      strokeWidth="1.5"
      {...round}
    />
  ),
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof SHAPES;
export const ICON_NAMES = Object.keys(SHAPES) as IconName[];

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      data-icon={name}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      stroke="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name]}
    </svg>
  );
}
