import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LAYER, plural } from '../labels.js';
import { AskingContext, useQuery } from '../query.js';
import { Panel, personName, StatusBadge } from '../ui.js';
import { useShown } from '../usable.js';
import {
  allSlugs,
  both,
  engineersIn,
  firstOpened,
  parentsOf,
  type SearchResult,
  search,
  TREE_QUERY,
  type TreeAnswer,
  type TreeUnit,
  within,
} from './tree-model.js';

/** Past this many units, the tree opens on its pillars only. */
const OPEN_ALL_UP_TO = 100;

interface TreeProps {
  /** A unit to show (from a link elsewhere on the page); `n` makes each request new. */
  revealed: { slug: string; n: number } | null;
}

export function OrgTree({ revealed }: TreeProps) {
  const { data, error, loading } = useQuery<TreeAnswer>(TREE_QUERY);
  const pillars = data?.units.nodes ?? [];
  const [text, setText] = useState('');
  const [open, setOpen] = useState<Set<string> | null>(null);
  const focusNext = useRef<string | null>(null);

  const { scope } = useContext(AskingContext);
  const scoped = useMemo(() => (scope ? within(pillars, scope) : null), [pillars, scope]);
  const searched = useMemo(() => (text.trim() ? search(pillars, text) : null), [pillars, text]);
  const found = both(scoped, searched);
  const slugs = useMemo(() => allSlugs(pillars), [pillars]);
  // Made once per tree and scope, not at each render (a keystroke in the search box).
  const firstOpen = useMemo(() => firstOpened(pillars, scope, OPEN_ALL_UP_TO), [pillars, scope]);
  const opened = open ?? firstOpen;
  // Another scope picked opens the tree on it again, whatever was opened by hand before.
  useEffect(() => setOpen(null), [scope]);

  useShown('tree', data !== null);

  // A link elsewhere asked for a unit: open the way down to it, then focus it.
  // Only a new request reveals, not a change of what is open.
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!revealed || pillars.length === 0) return;
    // A unit the tree does not show: said, where the link did nothing.
    const outside = !slugs.includes(revealed.slug)
      ? `${revealed.slug} is not in the org on the day shown.`
      : scoped && !scoped.shown.has(revealed.slug)
        ? `${revealed.slug} is outside ${scoped.name}, the scope picked: pick Whole org to see it.`
        : null;
    setNotice(outside);
    if (outside) return;
    const parents = parentsOf(pillars);
    const next = new Set(opened);
    for (let p = parents.get(revealed.slug); p; p = parents.get(p)) next.add(p);
    setText('');
    setOpen(next);
    focusNext.current = revealed.slug;
  }, [revealed, pillars]);

  useLayoutEffect(() => {
    const slug = focusNext.current;
    const row = slug ? document.getElementById(`unit-${slug}`) : null;
    if (!row) return;
    focusNext.current = null;
    row.focus();
    row.scrollIntoView({ block: 'center' });
  });

  const toggle = (slug: string) => {
    const next = new Set(opened);
    if (!next.delete(slug)) next.add(slug);
    setOpen(next);
  };

  return (
    <Panel id="tree" title="Org tree" loading={loading} error={error}>
      <div class="toolbar">
        <label>
          Search units and leads{' '}
          <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => setOpen(new Set(slugs))}>
          Expand all
        </button>
        <button type="button" onClick={() => setOpen(new Set())}>
          Collapse all
        </button>
      </div>
      {scoped ? <p>Within {scoped.name}, the scope picked.</p> : null}
      {notice ? (
        <p role="status" class="notice">
          {notice}
        </p>
      ) : null}
      {searched && found?.shown.size === 0 ? <p>No unit or lead matches “{text}”.</p> : null}
      {data && data.units.totalCount > pillars.length ? (
        <p>
          Showing the first {pillars.length} of {data.units.totalCount} pillars.
        </p>
      ) : null}
      <Branch units={pillars} opened={opened} found={found} toggle={toggle} />
    </Panel>
  );
}

interface BranchProps {
  units: TreeUnit[];
  opened: Set<string>;
  found: SearchResult | null;
  toggle: (slug: string) => void;
  id?: string;
}

function Branch({ units, opened, found, toggle, id }: BranchProps) {
  const shown = found ? units.filter((u) => found.shown.has(u.slug)) : units;
  return (
    <ul class="tree" id={id}>
      {shown.map((unit) => {
        const children = unit.children ?? [];
        const isOpen = found?.opened.has(unit.slug) || opened.has(unit.slug);
        return (
          <li key={unit.slug}>
            <UnitRow unit={unit} open={children.length > 0 ? isOpen : null} toggle={toggle} />
            {children.length > 0 && isOpen ? (
              <Branch
                units={children}
                opened={opened}
                found={found}
                toggle={toggle}
                id={`below-${unit.slug}`}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

interface RowProps {
  unit: TreeUnit;
  /** `null`: nothing below it to open. */
  open: boolean | null;
  toggle: (slug: string) => void;
}

function UnitRow({ unit, open, toggle }: RowProps) {
  const { coverage } = unit;
  const engineers = engineersIn(unit);
  const teams = unit.layer === 'TEAM' ? '' : ' in its teams';
  return (
    <div
      class={`unit status-${coverage.status.toLowerCase()}`}
      id={`unit-${unit.slug}`}
      tabIndex={-1}
    >
      {open === null ? (
        <span class="unit-name leaf">{unit.name}</span>
      ) : (
        <button
          type="button"
          class="unit-name"
          aria-expanded={open}
          aria-controls={open ? `below-${unit.slug}` : undefined}
          onClick={() => toggle(unit.slug)}
        >
          {unit.name}
        </button>
      )}
      <span class="layer">{LAYER[unit.layer]}</span>
      <StatusBadge status={coverage.status} healthy={coverage.healthy} />
      {coverage.hiring ? <span class="badge hiring">hiring</span> : null}
      <span class="leads">
        Eng Lead: {personName(coverage.engLead.holder)}
        {coverage.engLead.acting ? ' (acting)' : ''} · Tech Lead:{' '}
        {personName(coverage.techLead.holder)}
        {coverage.techLead.acting ? ' (acting)' : ''} · {plural(engineers, 'engineer')}
        {teams}
      </span>
    </div>
  );
}
