-- National Employment Support System (국민취업지원제도, the published sources): enrollments and allowance payments.
create table if not exists employment_support.enrollments (
  id text primary key,
  person_id text not null,
  center_id text not null,
  track text not null check (track in ('TYPE_I', 'TYPE_II')),
  track_route text not null check (track_route in ('SCREENED', 'SELECTED', 'YOUTH', 'MID_CAREER')),
  applied_on date not null,
  decided_on date check (decided_on >= applied_on),
  status text not null check (status in ('APPLIED', 'REJECTED', 'IN_PROGRESS', 'COMPLETED', 'DROPPED')),
  stage text not null check (stage in ('APPLICATION', 'COUNSELLING_AND_IAP', 'JOB_SEARCH_SERVICES', 'FOLLOW_UP', 'CLOSED')),
  iap_set_on date check (iap_set_on >= decided_on),
  services_end_on date check (services_end_on > iap_set_on)
);
create index if not exists enrollments_person_idx on employment_support.enrollments (person_id);

create table if not exists employment_support.allowance_payments (
  id text primary key,
  person_id text not null,
  enrollment_id text not null references employment_support.enrollments (id),
  kind text not null check (kind in ('JOB_SEEKING_ALLOWANCE', 'PARTICIPATION_ALLOWANCE', 'SUCCESS_ALLOWANCE')),
  paid_on date not null,
  month_number integer check (month_number > 0),
  amount integer not null check (amount > 0)
);
create index if not exists allowance_payments_person_idx on employment_support.allowance_payments (person_id);
