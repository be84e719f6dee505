-- Extracts for population statistics, version 1: NESS enrollments (what decides whether one is open
-- on a date) and the dated events that place a person in the Mid-Career Employment Network's chain
-- (the IAP is career design, a success allowance is a placement).
-- Pseudonymised: persons are named by md5(key || ':' || id), where the key is a session setting
-- (naeil.statistics_key) that only the statistics service sets; without it the view refuses to answer.
-- Rows come in no meaningful order. Exact values stay (the programs' rules need them); the extract
-- never leaves the statistics service, which publishes only aggregates under disclosure control.
create or replace view employment_support.statistics_enrollments_v1 as
select md5(current_setting('naeil.statistics_key') || ':' || person_id) as pseudonym,
  applied_on, decided_on, status, services_end_on
from employment_support.enrollments;

create or replace view employment_support.statistics_network_events_v1 as
select md5(current_setting('naeil.statistics_key') || ':' || person_id) as pseudonym, 'CAREER_DESIGN'::text as stage, iap_set_on as occurred_on
from employment_support.enrollments where iap_set_on is not null
union all
select md5(current_setting('naeil.statistics_key') || ':' || person_id), 'PLACEMENT', paid_on
from employment_support.allowance_payments where kind = 'SUCCESS_ALLOWANCE';
