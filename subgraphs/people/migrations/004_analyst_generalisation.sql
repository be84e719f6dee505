-- k-anonymity of the analyst's view (subgraphs/kit/security/generalisation.ts): each person's
-- generalisation level, 0 (everything released) to 6 (left out of the analyst's view). Computed for
-- the whole population by people after a seed and at every start; a person not yet computed is left
-- out (6) until then, so a new row is never released more than it may be.
alter table people.persons add column if not exists analyst_level smallint not null default 6;
