package dk.klaremaal.plans;

import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Status;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Plans, their versions (the content as JSON), milestone follow-ups and assessment overrides. */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlanRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Long> id(long organisationId, int year) {
        return jdbc.sql("select id from plan where organisation_id = ? and year = ?").params(organisationId, year).query(Long.class).optional();
    }

    /** The plan's id, creating the plan (and locking its row either way, so versions are numbered one at a time). */
    long lockOrCreate(long organisationId, int year) {
        jdbc.sql("insert into plan (organisation_id, year) values (?, ?) on conflict (organisation_id, year) do nothing")
                .params(organisationId, year).update();
        return jdbc.sql("select id from plan where organisation_id = ? and year = ? for update").params(organisationId, year)
                .query(Long.class).single();
    }

    int addVersion(long planId, LocalDate validFrom, String reason, String changedBy, PlanContent content) {
        return jdbc.sql("""
                        insert into plan_version (plan_id, number, valid_from, reason, changed_by, content)
                        select ?, coalesce(max(number), 0) + 1, ?, ?, ?, ?::jsonb from plan_version where plan_id = ?
                        returning number""")
                .params(planId, Date.valueOf(validFrom), reason, changedBy, json.writeValueAsString(content), planId)
                .query(Integer.class).single();
    }

    Optional<Plan> find(Organisation organisation, int year) {
        return id(organisation.id(), year).map(id -> new Plan(id, organisation, year, versions(id)));
    }

    /** The years the organisation has a plan for, newest first. */
    List<Integer> years(long organisationId) {
        return jdbc.sql("select year from plan p where organisation_id = ? and exists (select 1 from plan_version v where v.plan_id = p.id) "
                        + "order by year desc")
                .param(organisationId).query(Integer.class).list();
    }

    /** Every plan as (organisation id, year, plan id), newest year first. */
    /** A plan in the list of all plans: its organisation, year, current title and how many versions it has. */
    record Listed(long organisationId, int year, String title, int versions) {
    }

    /** Every plan that has a version, newest year first, in one query. */
    List<Listed> listed() {
        return jdbc.sql("""
                        select p.organisation_id, p.year, latest.content ->> 'title',
                               (select count(*) from plan_version v where v.plan_id = p.id)
                        from plan p
                        join lateral (select content from plan_version v where v.plan_id = p.id order by number desc limit 1) latest on true
                        order by p.year desc, p.organisation_id""")
                .query((rs, i) -> new Listed(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4))).list();
    }

    List<Plan.Version> versions(long planId) {
        return jdbc.sql("select number, valid_from, reason, changed_by, recorded_at, content::text from plan_version where plan_id = ? order by number")
                .param(planId)
                .query((rs, i) -> new Plan.Version(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), json.readValue(rs.getString(6), PlanContent.class)))
                .list();
    }

    Map<String, FollowUp> followUps(long planId) {
        return jdbc.sql("select milestone, status, value, comment, reported_by, reported_at from plan_followup where plan_id = ?")
                .param(planId)
                .query((rs, i) -> new FollowUp(rs.getString(1), MilestoneStatus.fromCode(rs.getString(2)), rs.getBigDecimal(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list().stream().collect(Collectors.toMap(FollowUp::milestone, f -> f));
    }

    void saveFollowUp(long planId, FollowUp f) {
        jdbc.sql("""
                        insert into plan_followup (plan_id, milestone, status, value, comment, reported_by, reported_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (plan_id, milestone) do update set status = excluded.status, value = excluded.value,
                            comment = excluded.comment, reported_by = excluded.reported_by, reported_at = excluded.reported_at""")
                .params(planId, f.milestone(), f.status().code(), f.value(), f.comment(), f.reportedBy(), Timestamp.from(f.reportedAt()))
                .update();
    }

    Map<String, PlanAssessment.Override> overrides(long planId) {
        return jdbc.sql("select goal, status, justification, decided_by, decided_at from plan_assessment_override where plan_id = ?")
                .param(planId)
                .query((rs, i) -> new PlanAssessment.Override(rs.getString(1), Status.fromCode(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list().stream().collect(Collectors.toMap(PlanAssessment.Override::goal, o -> o));
    }

    void saveOverride(long planId, PlanAssessment.Override o) {
        jdbc.sql("""
                        insert into plan_assessment_override (plan_id, goal, status, justification, decided_by, decided_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (plan_id, goal) do update set status = excluded.status, justification = excluded.justification,
                            decided_by = excluded.decided_by, decided_at = excluded.decided_at""")
                .params(planId, o.goal(), o.status().code(), o.justification(), o.decidedBy(), Timestamp.from(o.decidedAt()))
                .update();
    }

    boolean removeOverride(long planId, String goal) {
        return jdbc.sql("delete from plan_assessment_override where plan_id = ? and goal = ?").params(planId, goal).update() > 0;
    }
}
