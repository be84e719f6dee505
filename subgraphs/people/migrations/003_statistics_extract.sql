-- Extract for population statistics, version 1: what the programs' rules read of each person, and
-- where the person lives and is managed. A new version is a new view; v1 stays until no reader uses it.
-- Pseudonymised: persons are named by md5(key || ':' || id), where the key is a session setting
-- (naeil.statistics_key) that only the statistics service sets; without it the view refuses to answer.
-- The birth date is published as its year's first day, as the analyst's view has it: ages, age bands
-- and the rules' age tests then agree with what an analyst reads person by person.
-- Rows come in no meaningful order. Exact values stay (the programs' rules need them); the extract
-- never leaves the statistics service, which publishes only aggregates under disclosure control.
create or replace view people.statistics_persons_v1 as
select
  md5(current_setting('naeil.statistics_key') || ':' || id) as pseudonym,
  date_trunc('year', birth_date)::date as birth_date, region, center_id, household_size, household_monthly_income, household_assets, dependants,
  employment_status, occupation, student_status, employer_size, monthly_wage, weekly_work_hours,
  work_days_last_24_months, work_hours_last_24_months, self_employed_annual_revenue, military_service_months,
  receiving_unemployment_benefit, target_field_experience_months, new_field_qualification,
  left_main_career, months_since_insured_at_host, specific_group, foreign_national,
  training_support_restricted, in_other_government_funded_training
from people.persons;
