-- Event and case identifiers are codes, not words: they are compared and sorted byte by byte (collation "C")
-- instead of by the database's language rules. An ingest of millions of events sorts and indexes them
-- several times, and under language rules PostgreSQL compares whole keys by those rules where in "C" order
-- it compares short binary prefixes first: building the event_id index of 2.9 million events takes 1.2 s in
-- "C" order against 1.9 s under C.UTF-8 and 2.9 s under Danish rules. Equality is unchanged.
alter table case_event alter column event_id type text collate "C",
                       alter column case_id type text collate "C";
alter table case_record alter column case_id type text collate "C";
alter table case_span alter column case_id type text collate "C";
