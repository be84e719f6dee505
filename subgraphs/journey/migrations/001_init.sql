-- The journey subgraph keeps no tables yet: it derives everything from the programs through
-- federation. Its schema exists so that case notes or saved journeys have a home when they come.
select 1;
