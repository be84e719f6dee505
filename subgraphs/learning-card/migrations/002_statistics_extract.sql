-- Extracts for population statistics, version 1: cards (valid on a date or not), what each training
-- enrollment charged to the card (the balance on a date), and the dated training events of the
-- network's chain (enrolment and completion).
-- Pseudonymised: persons are named by md5(key || ':' || id), where the key is a session setting
-- (naeil.statistics_key) that only the statistics service sets; without it the view refuses to answer.
-- Rows come in no meaningful order. Exact values stay (the programs' rules need them); the extract
-- never leaves the statistics service, which publishes only aggregates under disclosure control.
create or replace view learning_card.statistics_cards_v1 as
select md5(current_setting('naeil.statistics_key') || ':' || person_id) as pseudonym, issued_on, expires_on, grant_total, status
from learning_card.cards;

create or replace view learning_card.statistics_card_charges_v1 as
select md5(current_setting('naeil.statistics_key') || ':' || person_id) as pseudonym, enrolled_on, status, card_charge
from learning_card.enrollments;

create or replace view learning_card.statistics_network_events_v1 as
select md5(current_setting('naeil.statistics_key') || ':' || person_id) as pseudonym, 'TRAINING'::text as stage, enrolled_on as occurred_on
from learning_card.enrollments
union all
select md5(current_setting('naeil.statistics_key') || ':' || person_id), 'TRAINING', completed_on
from learning_card.enrollments where completed_on is not null;
