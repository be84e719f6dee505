-- Mid-Career Career Support Program (중장년 경력지원제, the published sources): work experience placements,
-- and the career design sessions of the Mid-Career Tomorrow Centers (중장년내일센터, people 40+).

create table if not exists mid_career.career_design_sessions (
  id text primary key,                       -- MCD-P00000042-1: program, person, ordinal by date
  person_id text not null,                   -- pseudonymous person id (people subgraph); no RRN ever
  held_on date not null,
  provider text not null,                    -- e.g. "Seoul Gwanak Mid-Career Tomorrow Center"
  kind text not null check (kind in ('LIFETIME_CAREER_DESIGN', 'OUTPLACEMENT', 'JOB_SEARCH_SKILLS')),
  hours integer not null check (hours > 0)
);
create index if not exists career_design_sessions_person_idx on mid_career.career_design_sessions (person_id);

create table if not exists mid_career.work_experience_placements (
  id text primary key,                       -- MCS-P00000042-1
  person_id text not null,
  host_company text not null,                -- synthetic name
  industry text not null,                    -- one of the focus industries of the person's center
  host_insured_staff integer not null check (host_insured_staff >= 5),
  target_field text not null,                -- the new field the participant is changing into
  started_on date not null,
  ended_on date not null,                    -- last day on site: planned while PLANNED/IN_PROGRESS, actual once ended
  weekly_hours integer not null check (weekly_hours >= 20),
  monthly_allowance integer not null check (monthly_allowance between 0 and 1500000),
  host_subsidy_monthly integer not null check (host_subsidy_monthly between 0 and 400000),
  status text not null check (status in ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'DROPPED')),
  mentor_assigned boolean not null,
  check (ended_on > started_on)
);
create index if not exists work_experience_placements_person_idx on mid_career.work_experience_placements (person_id);
