-- Step 3: communicate goals where users meet the institution.

-- How a case type's expected processing time is computed; case types without a row use the defaults.
create table expected_time_setting (
    case_type_id bigint primary key references case_type (id),
    -- The share of recent decided cases that met the stated time, in percent (nearest rank).
    share        numeric not null default 80 check (share > 0 and share <= 100),
    day_unit     text not null default 'calendar' check (day_unit in ('calendar', 'working')),
    window_days  integer not null default 90 check (window_days between 7 and 3660),
    min_cases    integer not null default 10 check (min_cases >= 1)
);

-- Contact details printed on letters.
create table organisation_contact (
    organisation_id bigint primary key references organisation (id),
    address         text,
    phone           text,
    email           text,
    website         text
);

-- Receipt-letter templates per case type and language; {{placeholders}} are filled in per case.
create table letter_template (
    case_type_id bigint not null references case_type (id),
    language     text not null check (language in ('da', 'en')),
    subject      text not null check (length(trim(subject)) > 0),
    body         text not null check (length(trim(body)) > 0),
    updated_by   text not null,
    updated_at   timestamptz not null default now(),
    primary key (case_type_id, language)
);
