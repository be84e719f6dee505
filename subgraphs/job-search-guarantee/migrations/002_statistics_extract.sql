-- Extracts for population statistics, version 1: participations (open on a date or not) and the
-- dated events that place a person in the network's chain (career design phase, job placement).
-- Pseudonymised: persons are named by md5(key || ':' || id), where the key is a session setting
-- (naeil.statistics_key) that only the statistics service sets; without it the view refuses to answer.
-- Rows come in no meaningful order. Exact values stay (the programs' rules need them); the extract
-- never leaves the statistics service, which publishes only aggregates under disclosure control.
create or replace view job_search_guarantee.statistics_participations_v1 as
select md5(current_setting('naeil.statistics_key') || ':' || person_id) as pseudonym, started_on, ended_on, status
from job_search_guarantee.participations;

create or replace view job_search_guarantee.statistics_network_events_v1 as
select md5(current_setting('naeil.statistics_key') || ':' || person_id) as pseudonym, 'CAREER_DESIGN'::text as stage, started_on as occurred_on
from job_search_guarantee.phases where phase = 'CAREER_DESIGN'
union all
select md5(current_setting('naeil.statistics_key') || ':' || person_id), 'PLACEMENT', started_on
from job_search_guarantee.placements;
