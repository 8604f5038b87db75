-- What the PostGraphile peer of `npm run bench` needs to answer the bench's queries (the
-- whole-org tree, a one-team drill-down, the teams without a Tech Lead, a person with their
-- manager and direct reports, a name search) from orgraph's own tables, written as a
-- PostGraphile user would: a view and `LANGUAGE sql STABLE` functions that PostgreSQL
-- inlines into PostGraphile's own statement (a view always; a SQL function returning
-- `setof`, when called from FROM), so a level of the tree is one planned query, not one
-- function call per unit.
--
-- PostGraphile exposes the schemas `public` (the tables, as orgraph's migrations made them)
-- and `peer` (this file): a function of `peer` taking a row is a computed field of that
-- row's type (`peer.unit_children` is `Unit.children`), one taking no row a root field
-- (named by its `@name` tag); a view is a type of its own, joined to its unit through the
-- smart tags of its comment. `peer_private` holds helpers PostGraphile does not see.
--
-- The rules are orgraph's (SPEC §2, src/core/coverage/coverage.ts) and the hand-written
-- tree's in bench/tree.ts: a dated row is in force when it started on or before the day and
-- has not ended before it; of two rows in force on a seat the latest started wins.

create schema peer;
create schema peer_private;
create extension if not exists pg_trgm;

-- What a PostGraphile user adds for these reads: one unit's seats looked up by unit and seat
-- (orgraph's own indexes serve only current seats), and trigram indexes for the name search.
create index peer_seat_assignment_unit_idx on seat_assignment (unit_id, seat);
create index peer_person_name_trgm_idx on person using gin (lower(name) gin_trgm_ops);
create index peer_person_email_trgm_idx on person using gin (lower(email) gin_trgm_ops);

-- The org's day: orgraph's is UTC (todayUtc), whatever the database server's time zone.
-- Both helpers are one-expression SQL functions, inlined wherever they are called.
create function peer_private.today() returns date
language sql stable as $$ select (now() at time zone 'utc')::date $$;

-- The TLM threshold: orgraph's default (ORGRAPH_TLM_ENGINEERS, 4), which the bench runs with.
create function peer_private.tlm_engineers() returns int
language sql immutable as $$ select 4 $$;

-- Each unit's leads and coverage today: `Unit.state` in GraphQL (the backward relation of a
-- unique foreign key is a single field), with `engLead` and `techLead` through its own
-- foreign keys. Status, health and engineer count as bench/tree.ts's TREE_SQL works them
-- out; tlmSince and hiring as src/core/coverage/coverage.ts does (the later of the Eng
-- Lead's start and the last separate Tech Lead's end; an empty seat with an OPEN role).
-- PostGraphile asks it `where unit_id = …` (or `in` a level's units), which PostgreSQL
-- pushes down to `unit`, so only the units asked are worked out.
create view peer.unit_state as
select u.id as unit_id, el.person_id as eng_lead_id, tl.person_id as tech_lead_id,
       st.status, st.status = 'STAFFED'
         or (u.layer = 'TEAM' and st.status = 'TECH_LEAD_MANAGER'
             and e.engineer_count < peer_private.tlm_engineers()) as healthy,
       e.engineer_count,
       case when st.status = 'TECH_LEAD_MANAGER' then greatest(el.started_on, (
         select max(s.ended_on) from seat_assignment s
         where s.unit_id = u.id and s.seat = 'TECH_LEAD' and s.ended_on < peer_private.today()
           and s.ended_on >= s.started_on and s.person_id <> el.person_id)) end as tlm_since,
       (st.status in ('MISSING_ENG_LEAD', 'VACANT') and 'ENG_LEAD' = any(r.open_seats))
         or (st.status in ('TECH_LEAD_MANAGER', 'VACANT') and 'TECH_LEAD' = any(r.open_seats))
         as hiring
from unit u
left join lateral (
  select s.person_id, s.started_on from seat_assignment s
  where s.unit_id = u.id and s.seat = 'ENG_LEAD' and s.started_on <= peer_private.today()
    and (s.ended_on is null or s.ended_on >= peer_private.today())
  order by s.started_on desc, s.id desc limit 1
) el on true
left join lateral (
  select s.person_id from seat_assignment s
  where s.unit_id = u.id and s.seat = 'TECH_LEAD' and s.started_on <= peer_private.today()
    and (s.ended_on is null or s.ended_on >= peer_private.today())
  order by s.started_on desc, s.id desc limit 1
) tl on true
cross join lateral (
  select count(*)::int as engineer_count from team_membership m
  where m.unit_id = u.id and m.started_on <= peer_private.today()
    and (m.ended_on is null or m.ended_on >= peer_private.today())
    and m.person_id is distinct from el.person_id
) e
cross join lateral (
  select case
    when el.person_id is not null and tl.person_id is not null
         and tl.person_id <> el.person_id then 'STAFFED'
    when el.person_id is not null then 'TECH_LEAD_MANAGER'
    when tl.person_id is not null then 'MISSING_ENG_LEAD'
    else 'VACANT'
  end as status
) st
cross join lateral (
  select coalesce(array_agg(o.seat::text), '{}') as open_seats from open_role o
  where o.unit_id = u.id and o.opened_on <= peer_private.today()
    and case when o.closed_on is null then o.status = 'OPEN'
             else o.closed_on > peer_private.today() end
) r;
comment on view peer.unit_state is E'@unique unit_id\n'
  '@foreignKey (unit_id) references public.unit (id)|@foreignSingleFieldName state\n'
  '@foreignKey (eng_lead_id) references public.person (id)|@fieldName engLead\n'
  '@foreignKey (tech_lead_id) references public.person (id)|@fieldName techLead';

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

-- One person by email, any case (orgraph's `person(email:)`), through orgraph's unique index
-- on lower(email). Called once a request: being planned each call costs nothing here.
create function peer.person_by_email(email text) returns person
language sql stable as $$ select p.* from person p where lower(p.email) = lower($1) $$;
comment on function peer.person_by_email(text) is '@name personByEmail';

-- A person's direct reports today (not departed), by name then email as orgraph lists them.
create function peer.person_direct_reports(p person) returns setof person
language sql stable as $$
  select r.* from person r
  where r.manager_id = p.id and (r.departed_on is null or r.departed_on > peer_private.today())
  order by r.name collate "C", r.email collate "C"
$$;

-- orgraph's `people(search:)`: people present today whose name or email contains the text
-- (any case); those whose name, a word of it, or email starts with it first, then by email.
create function peer.search_people(search text) returns setof person
language sql stable as $$
  select p.* from person p
  where (p.departed_on is null or p.departed_on > peer_private.today())
    and (lower(p.name) like '%' || lower(trim(search)) || '%'
         or lower(p.email) like '%' || lower(trim(search)) || '%')
  order by not (lower(p.name) like lower(trim(search)) || '%'
                or lower(p.name) like '% ' || lower(trim(search)) || '%'
                or lower(p.email) like lower(trim(search)) || '%'),
           lower(p.email) collate "C"
$$;
comment on function peer.search_people(text) is '@name searchPeople';
