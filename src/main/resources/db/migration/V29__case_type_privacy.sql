-- Open311 lists individual cases publicly. Whether a case type's cases concern persons (citizens, their
-- homes, families, health or money) is declared per case type, and taken to be so unless said
-- otherwise; listing is off unless turned on, and never for a case type whose cases concern persons.
alter table case_type add column concerns_persons boolean not null default true;
alter table case_type add column open311_listed boolean not null default false;
alter table case_type add constraint case_type_listed_only_when_not_personal check (not (open311_listed and concerns_persons));
