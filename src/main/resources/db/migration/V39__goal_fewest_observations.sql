-- A goal states the fewest observations (decided cases, contacts, respondents …) on which a period is
-- assessed; below that the result is shown with its basis but not assessed. One means every measured
-- period is assessed, as before.
alter table goal add column min_observations integer not null default 1;
alter table goal add constraint goal_min_observations_range check (min_observations between 1 and 1000000);
