import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiError } from './api.js';
import { type CoverageStatus, type Severity, STATUS } from './labels.js';

/** The status as words first; the colour only repeats it. */
export function StatusBadge({ status, healthy }: { status: CoverageStatus; healthy?: boolean }) {
  return (
    <span class={`badge status-${status.toLowerCase()}`}>
      {STATUS[status]}
      {healthy === undefined ? null : (
        <span class="health">{healthy ? ' · healthy' : ' · needs attention'}</span>
      )}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span class={`badge severity-${severity.toLowerCase()}`}>{severity}</span>;
}

/** Shows a unit in the org tree: expands its parents, scrolls to it and focuses it. */
export const RevealContext = createContext<(slug: string) => void>(() => {});

export function UnitLink({ unit }: { unit: { slug: string; name: string } }) {
  const reveal = useContext(RevealContext);
  return (
    <a
      href={`#unit-${unit.slug}`}
      onClick={(event) => {
        event.preventDefault();
        reveal(unit.slug);
      }}
    >
      {unit.name}
    </a>
  );
}

interface PanelProps {
  id: string;
  title: string;
  loading?: boolean;
  error?: ApiError | null;
  children?: ComponentChildren;
  wide?: boolean;
}

/**
 * A titled region of the page; screen readers hear its title, when it is loading and any
 * error, shown under its controls so a question can be asked again.
 */
export function Panel({ id, title, loading = false, error, children, wide }: PanelProps) {
  return (
    <section
      id={id}
      class={wide ? 'panel wide' : 'panel'}
      aria-labelledby={`${id}-title`}
      aria-busy={loading}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      {error ? (
        <p class="error" role="alert">
          {error.message}
        </p>
      ) : null}
    </section>
  );
}

/**
 * A table that may be wider than its panel: it scrolls sideways (shadows say there is more),
 * and is a tab stop so a keyboard can scroll it too.
 */
export function Sideways({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs focus to scroll
    <section class="scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

export const personName = (person: { name: string } | null | undefined) => person?.name ?? '—';
