-- Amounts in whole won beyond 2^31 - 1 (the Won scalar), and the circumstances added to the rules.
alter table people.persons alter column household_monthly_income type bigint;
alter table people.persons alter column monthly_wage type bigint;
alter table people.persons add column if not exists left_main_career boolean not null default false;
alter table people.persons add column if not exists months_since_insured_at_host integer check (months_since_insured_at_host >= 0);
alter table people.persons add column if not exists specific_group text not null default 'NONE';
alter table people.persons add column if not exists foreign_national boolean not null default false;
alter table people.persons add column if not exists training_support_restricted boolean not null default false;
alter table people.persons add column if not exists in_other_government_funded_training boolean not null default false;
