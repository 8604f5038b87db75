-- What the PostGraphile peer of `npm run bench` needs to answer the bench's three queries
-- (the whole-org tree, a one-team drill-down, the teams without a Tech Lead) from orgraph's
-- own tables. PostGraphile exposes the schemas `public` (the tables, as orgraph's migrations
-- made them) and `peer` (this file); a function of `peer` taking a `unit` row is a computed
-- field of the GraphQL `Unit` type (`peer.unit_eng_lead` is `Unit.engLead`), a function
-- taking nothing is a root query field (named by its `@name` tag, else PostGraphile would
-- prefix it `peer`). `peer_private` holds helpers PostGraphile does not see.
--
-- The rules are orgraph's (SPEC §2, src/core/coverage/coverage.ts) and the hand-written
-- tree's in bench/tree.ts: a dated row is in force when it started on or before the day and
-- has not ended before it; of two rows in force on a seat the latest started wins.
-- The bench loads this file into its database after orgraph and the hand-written SQL are timed.

create schema peer;
create schema peer_private;

-- PostGraphile's computed fields look one unit's seats up at a time: without this index each
-- lookup would read every seat row (orgraph's own indexes serve only current seats).
create index peer_seat_assignment_unit_idx on seat_assignment (unit_id, seat);

-- The org's day: orgraph's is UTC (todayUtc), whatever the database server's time zone.
create function peer_private.today() returns date
language sql stable as $$ select (now() at time zone 'utc')::date $$;

-- The TLM threshold: orgraph's default (ORGRAPH_TLM_ENGINEERS, 4), which the bench runs with.
create function peer_private.tlm_engineers() returns int
language sql immutable as $$ select 4 $$;

-- The per-unit functions below are PL/pgSQL: PostgreSQL cannot inline a SQL function that
-- returns one row of a composite type, so it would plan its body again on every call, where
-- PL/pgSQL keeps its plans for the connection (8× faster per unit here).

-- The assignment in force today on one seat of one unit (all nulls when the seat is empty).
create function peer_private.holding(unit_id int, seat seat) returns seat_assignment
language plpgsql stable as $$
declare
  held seat_assignment;
begin
  select s.* into held from seat_assignment s
  where s.unit_id = holding.unit_id and s.seat = holding.seat
    and s.started_on <= peer_private.today()
    and (s.ended_on is null or s.ended_on >= peer_private.today())
  order by s.started_on desc, s.id desc
  limit 1;
  return held;
end $$;

-- The person holding one seat of one unit today (all nulls when it is empty).
create function peer_private.holder(unit_id int, which seat) returns person
language plpgsql stable as $$
declare
  lead person;
begin
  select p.* into lead from person p
  where p.id = (peer_private.holding(unit_id, which)).person_id;
  return lead;
end $$;

create function peer.unit_eng_lead(u unit) returns person
language plpgsql stable as $$
begin
  return peer_private.holder(u.id, 'ENG_LEAD');
end $$;

create function peer.unit_tech_lead(u unit) returns person
language plpgsql stable as $$
begin
  return peer_private.holder(u.id, 'TECH_LEAD');
end $$;

-- orgraph's `units(layer: PILLAR)` and `children` leave archived units out, by slug.
create function peer.pillars() returns setof unit
language sql stable as $$
  select u.* from unit u where u.layer = 'PILLAR' and u.archived_on is null order by u.slug
$$;
comment on function peer.pillars() is '@name pillars';

create function peer.unit_children(u unit) returns setof unit
language sql stable as $$
  select c.* from unit c where c.parent_id = u.id and c.archived_on is null order by c.slug
$$;

-- A Team's members today, by person id as orgraph lists them.
create function peer.unit_members(u unit) returns setof person
language sql stable as $$
  select p.* from person p
  where p.id in (
    select m.person_id from team_membership m
    where m.unit_id = u.id and m.started_on <= peer_private.today()
      and (m.ended_on is null or m.ended_on >= peer_private.today()))
  order by p.id
$$;

-- orgraph's UnitCoverage, the fields the bench asks.
create type peer.unit_coverage as (
  status text,
  healthy boolean,
  engineer_count int,
  tlm_since date,
  hiring boolean
);

-- Status, health and engineer count as bench/tree.ts's TREE_SQL works them out; tlmSince and
-- hiring as src/core/coverage/coverage.ts does (the later of the Eng Lead's start and the last
-- separate Tech Lead's end; an empty seat with an OPEN role).
create function peer.unit_coverage(u unit) returns peer.unit_coverage
language plpgsql stable as $$
declare
  today date := peer_private.today();
  eng_lead seat_assignment := peer_private.holding(u.id, 'ENG_LEAD');
  tech_lead_id int := (peer_private.holding(u.id, 'TECH_LEAD')).person_id;
  open_seats text[];
  coverage peer.unit_coverage;
begin
  coverage.status := case
    when eng_lead.person_id is not null and tech_lead_id is not null
         and tech_lead_id <> eng_lead.person_id then 'STAFFED'
    when eng_lead.person_id is not null then 'TECH_LEAD_MANAGER'
    when tech_lead_id is not null then 'MISSING_ENG_LEAD'
    else 'VACANT'
  end;
  select count(*)::int into coverage.engineer_count from team_membership m
  where m.unit_id = u.id and m.started_on <= today
    and (m.ended_on is null or m.ended_on >= today)
    and m.person_id is distinct from eng_lead.person_id;
  coverage.healthy := coverage.status = 'STAFFED'
    or (u.layer = 'TEAM' and coverage.status = 'TECH_LEAD_MANAGER'
        and coverage.engineer_count < peer_private.tlm_engineers());
  if coverage.status = 'TECH_LEAD_MANAGER' then
    coverage.tlm_since := greatest(eng_lead.started_on, (
      select max(s.ended_on) from seat_assignment s
      where s.unit_id = u.id and s.seat = 'TECH_LEAD' and s.ended_on < today
        and s.ended_on >= s.started_on and s.person_id <> eng_lead.person_id));
  end if;
  select coalesce(array_agg(r.seat::text), '{}') into open_seats from open_role r
  where r.unit_id = u.id and r.opened_on <= today
    and case when r.closed_on is null then r.status = 'OPEN' else r.closed_on > today end;
  coverage.hiring :=
    (coverage.status in ('MISSING_ENG_LEAD', 'VACANT') and 'ENG_LEAD' = any(open_seats))
    or (coverage.status in ('TECH_LEAD_MANAGER', 'VACANT') and 'TECH_LEAD' = any(open_seats));
  return coverage;
end $$;

-- The teams without a Tech Lead (SPEC §2): Teams whose Tech Lead seat has no holder other
-- than the Eng Lead, that is in TECH_LEAD_MANAGER or VACANT, by slug. One set-based query,
-- as a script would ask it; PostGraphile serves it as `Query.teamsWithoutTechLead`.
create function peer.teams_without_tech_lead() returns setof unit
language sql stable as $$
  with leads as (
    select s.unit_id,
           max(s.person_id) filter (where s.seat = 'ENG_LEAD') as eng_lead_id,
           max(s.person_id) filter (where s.seat = 'TECH_LEAD') as tech_lead_id
    from seat_assignment s
    where s.started_on <= peer_private.today()
      and (s.ended_on is null or s.ended_on >= peer_private.today())
    group by s.unit_id
  )
  select u.* from unit u left join leads l on l.unit_id = u.id
  where u.layer = 'TEAM' and u.archived_on is null
    and (l.tech_lead_id is null or l.tech_lead_id = l.eng_lead_id)
  order by u.slug
$$;
comment on function peer.teams_without_tech_lead() is '@name teams_without_tech_lead';
