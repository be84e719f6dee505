-- The statistics service reads the programs' and people's published extracts (their
-- statistics_*_v1 views) and keeps only its reform jobs: who asked, how far along, and the answer
-- (aggregates under disclosure control, never a person).
create table if not exists statistics.reform_jobs (
  id text primary key,
  owner text not null,
  status text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
  progress real not null default 0,
  result jsonb,
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
