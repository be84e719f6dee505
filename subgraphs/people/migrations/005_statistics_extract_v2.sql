-- Extract for population statistics, version 2: as version 1, with the birth date to the day. The
-- rules count age to the day and to the month (the NESS youth limit, extended by military service),
-- so the population's eligibility agrees with each person's own answer only on the real date.
-- Pseudonymised as version 1 (md5(key || ':' || id), the key a session setting only the statistics
-- service sets); the extract never leaves the statistics service, which publishes only aggregates
-- under disclosure control. Version 1 stays until no reader uses it.
create or replace view people.statistics_persons_v2 as
select
  md5(current_setting('naeil.statistics_key') || ':' || id) as pseudonym,
  birth_date, region, center_id, household_size, household_monthly_income, household_assets, dependants,
  employment_status, occupation, student_status, employer_size, monthly_wage, weekly_work_hours,
  work_days_last_24_months, work_hours_last_24_months, self_employed_annual_revenue, military_service_months,
  receiving_unemployment_benefit, target_field_experience_months, new_field_qualification,
  left_main_career, months_since_insured_at_host, specific_group, foreign_national,
  training_support_restricted, in_other_government_funded_training
from people.persons;
