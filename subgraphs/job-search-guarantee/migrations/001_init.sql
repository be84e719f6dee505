-- Job Search Guarantee Package (구직자 도약보장패키지): participations, their service phases, and job placements.
-- Service-only program (the published sources): no allowance is paid, so there is no payments table.

create table if not exists job_search_guarantee.participations (
  id text primary key,                       -- JSG-P00000042-1: program, person, ordinal
  person_id text not null,                   -- pseudonymous person id (people subgraph); no RRN ever
  center_id text not null,                   -- employment center running the package for this person
  started_on date not null,
  ended_on date,                             -- null while ACTIVE
  status text not null check (status in ('ACTIVE', 'COMPLETED', 'DROPPED')),
  current_phase text not null check (current_phase in ('DIAGNOSIS', 'CAREER_DESIGN', 'JOB_SUPPORT', 'FOLLOW_UP', 'CLOSED')),
  unemployment_benefit_at_start boolean not null,
  check (ended_on is null or ended_on >= started_on),
  check ((status = 'ACTIVE') = (ended_on is null))
);
create index if not exists participations_person_idx on job_search_guarantee.participations (person_id);

create table if not exists job_search_guarantee.phases (
  participation_id text not null references job_search_guarantee.participations (id) on delete cascade,
  person_id text not null,
  phase text not null check (phase in ('DIAGNOSIS', 'CAREER_DESIGN', 'JOB_SUPPORT')),
  started_on date not null,
  ended_on date,                             -- null while the phase is under way
  sessions integer not null check (sessions >= 0),
  note text not null,
  primary key (participation_id, phase),
  check (ended_on is null or ended_on >= started_on)
);
create index if not exists phases_person_idx on job_search_guarantee.phases (person_id);

create table if not exists job_search_guarantee.placements (
  id text primary key,                       -- JSG-P00000042-1-J1
  participation_id text not null references job_search_guarantee.participations (id) on delete cascade,
  person_id text not null,
  employer text not null,
  industry text not null,
  started_on date not null,
  monthly_wage integer not null check (monthly_wage > 0),
  employment_type text not null check (employment_type in ('PERMANENT', 'FIXED_TERM', 'PART_TIME'))
);
create index if not exists placements_person_idx on job_search_guarantee.placements (person_id);
