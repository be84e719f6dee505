-- Extracts for population statistics, version 1: work experience placements (dates and status) and
-- the dated events that place a person in the network's chain (career design session, work experience).
-- Pseudonymised: persons are named by md5(key || ':' || id), where the key is a session setting
-- (naeil.statistics_key) that only the statistics service sets; without it the view refuses to answer.
-- Rows come in no meaningful order. Exact values stay (the programs' rules need them); the extract
-- never leaves the statistics service, which publishes only aggregates under disclosure control.
create or replace view mid_career.statistics_placements_v1 as
select md5(current_setting('naeil.statistics_key') || ':' || person_id) as pseudonym, started_on, ended_on, status
from mid_career.work_experience_placements;

create or replace view mid_career.statistics_network_events_v1 as
select md5(current_setting('naeil.statistics_key') || ':' || person_id) as pseudonym, 'CAREER_DESIGN'::text as stage, held_on as occurred_on
from mid_career.career_design_sessions
union all
select md5(current_setting('naeil.statistics_key') || ':' || person_id), 'WORK_EXPERIENCE', started_on
from mid_career.work_experience_placements where status <> 'PLANNED';
