package dk.klaremaal.support;

/**
 * The processing-time histograms ({@code case_days}), kept up to date on every ingest, against a count
 * made from scratch over the case records: one row with how many histogram rows there are and how
 * many of them (or of the recount's) differ.
 */
public final class HistogramRecount {

    public static final String SQL = """
            with recount as (
                select case_type_id, date_trunc('month', last_decided_on)::date as month, w.working,
                       case when w.working then working_days else calendar_days end as days, count(*)::int as cases
                from case_record cross join (values (false), (true)) as w(working)
                where not is_open and (case when w.working then working_days else calendar_days end) is not null
                group by 1, 2, 3, 4)
            select (select count(*) from case_days) as histogram_rows,
                   (select count(*) from ((select * from recount except select case_type_id, month, working, days, cases from case_days)
                                          union all
                                          (select case_type_id, month, working, days, cases from case_days except select * from recount)) d)
                       as differences""";

    private HistogramRecount() {
    }
}
