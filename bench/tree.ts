/** The dashboard's whole-org tree, as a client asks it. */
export const TREE_QUERY = `{
  units(layer: PILLAR, first: 100) { nodes {
    ...unit
    children { ...unit children { ...unit } }
  } }
}
fragment unit on OrgUnit {
  slug name engLead { name } techLead { name } coverage { status healthy engineerCount }
}`;

/**
 * The same tree built by PostgreSQL alone: today's leads and members, each unit's coverage
 * status, health and engineer count, nested as JSON. $1: today, $2: the TLM threshold.
 */
export const TREE_SQL = `
with leads as (
  select s.unit_id,
         max(p.name) filter (where s.seat = 'ENG_LEAD') as eng_lead,
         max(p.name) filter (where s.seat = 'TECH_LEAD') as tech_lead,
         max(s.person_id) filter (where s.seat = 'ENG_LEAD') as eng_lead_id,
         max(s.person_id) filter (where s.seat = 'TECH_LEAD') as tech_lead_id
  from seat_assignment s join person p on p.id = s.person_id
  where s.started_on <= $1::date and (s.ended_on is null or s.ended_on >= $1::date)
  group by s.unit_id
), engineers as (
  select m.unit_id, count(*)::int as n
  from team_membership m left join leads l on l.unit_id = m.unit_id
  where m.started_on <= $1::date and (m.ended_on is null or m.ended_on >= $1::date)
    and m.person_id is distinct from l.eng_lead_id
  group by m.unit_id
), node as (
  select u.id, u.parent_id, u.layer, u.slug, u.name, l.eng_lead, l.tech_lead,
         coalesce(e.n, 0) as engineer_count,
         case
           when l.eng_lead_id is not null and l.tech_lead_id is not null
                and l.tech_lead_id <> l.eng_lead_id then 'STAFFED'
           when l.eng_lead_id is not null then 'TECH_LEAD_MANAGER'
           when l.tech_lead_id is not null then 'MISSING_ENG_LEAD'
           else 'VACANT'
         end as status
  from unit u
  left join leads l on l.unit_id = u.id
  left join engineers e on e.unit_id = u.id
  where u.archived_on is null
), unit_json as (
  select id, parent_id, layer, slug, json_build_object(
    'slug', slug, 'name', name,
    'engLead', case when eng_lead is null then null else json_build_object('name', eng_lead) end,
    'techLead', case when tech_lead is null then null else json_build_object('name', tech_lead) end,
    'coverage', json_build_object(
      'status', status,
      'healthy', status = 'STAFFED'
        or (layer = 'TEAM' and status = 'TECH_LEAD_MANAGER' and engineer_count < $2::int),
      'engineerCount', engineer_count)) as doc
  from node
), teams_by_area as (
  select parent_id, jsonb_agg(doc::jsonb order by slug) as docs
  from unit_json where layer = 'TEAM' group by parent_id
), areas as (
  select a.parent_id, a.slug,
         a.doc::jsonb || jsonb_build_object('children', coalesce(t.docs, '[]'::jsonb)) as doc
  from unit_json a left join teams_by_area t on t.parent_id = a.id
  where a.layer = 'AREA'
), areas_by_pillar as (
  select parent_id, jsonb_agg(doc order by slug) as docs from areas group by parent_id
)
select jsonb_agg(p.doc::jsonb || jsonb_build_object('children', coalesce(a.docs, '[]'::jsonb))
                 order by p.slug) as pillars
from unit_json p left join areas_by_pillar a on a.parent_id = p.id
where p.layer = 'PILLAR'`;
