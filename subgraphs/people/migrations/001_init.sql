-- People (the person register and the employment centers of the Mid-Career Employment Network).
create table if not exists people.employment_centers (
  id text primary key,
  name text not null,
  name_ko text not null,
  region text not null,
  focus_industries text[] not null,
  network_since integer not null,
  illustrative boolean not null
);

create table if not exists people.consortium_members (
  center_id text not null references people.employment_centers (id),
  kind text not null,
  name text not null,
  primary key (center_id, kind)
);

-- Pseudonymous person ids only: resident registration numbers never enter this system (PIPA Art. 24-2).
create table if not exists people.persons (
  id text primary key,
  name text not null,
  birth_date date not null,
  region text not null,
  center_id text not null references people.employment_centers (id),
  household_size integer not null check (household_size between 1 and 20),
  household_monthly_income integer not null check (household_monthly_income >= 0),
  household_assets bigint not null check (household_assets >= 0),
  dependants integer not null default 0,
  employment_status text not null,
  occupation text not null,
  student_status text not null,
  employer_size text not null,
  monthly_wage integer not null default 0,
  weekly_work_hours integer not null default 0,
  work_days_last_24_months integer not null default 0,
  work_hours_last_24_months integer not null default 0,
  self_employed_annual_revenue bigint not null default 0,
  military_service_months integer not null default 0,
  receiving_unemployment_benefit boolean not null default false,
  target_field_experience_months integer not null default 0,
  new_field_qualification boolean not null default false
);

create index if not exists persons_center_idx on people.persons (center_id, id);
create index if not exists persons_region_idx on people.persons (region, id);
create index if not exists persons_birth_date_idx on people.persons (birth_date);
