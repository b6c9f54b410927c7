-- Names sort by Danish rules everywhere: Æ, Ø, Å after Z, and "Aa" as "Å" (Aabenraa, Aalborg and Aarhus come last).
-- The ICU collation "da-x-icu" is the same on the PostgreSQL server and the embedded binaries; the pages sort in
-- Java with the JDK's Danish collator (dk.klaremaal.platform.DanishOrder), which agrees with it.
alter table organisation alter column name type text collate "da-x-icu";
alter table service alter column name type text collate "da-x-icu";
alter table case_type alter column name type text collate "da-x-icu";
