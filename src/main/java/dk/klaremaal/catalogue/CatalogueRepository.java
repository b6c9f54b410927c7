package dk.klaremaal.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CatalogueRepository {

    private static final String ORGANISATION_COLUMNS = """
            id, parent_id, kind, slug, name, closed_constitution_day, closed_christmas_eve, closed_new_years_eve, region""";
    private static final String CASE_TYPE_COLUMNS = """
            id, organisation_id, service_id, code, name, clock_start, exclude_pauses, concerns_persons, open311_listed, sensitive""";

    private final JdbcClient jdbc;

    public CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Organisation> findAllOrganisations() {
        return jdbc.sql("select " + ORGANISATION_COLUMNS + " from organisation order by name")
                .query(CatalogueRepository::organisation).list();
    }

    public Optional<Organisation> findOrganisation(String slug) {
        return jdbc.sql("select " + ORGANISATION_COLUMNS + " from organisation where slug = ?")
                .param(slug).query(CatalogueRepository::organisation).optional();
    }

    public Optional<Organisation> findOrganisation(long id) {
        return jdbc.sql("select " + ORGANISATION_COLUMNS + " from organisation where id = ?")
                .param(id).query(CatalogueRepository::organisation).optional();
    }

    public long countOrganisations() {
        return jdbc.sql("select count(*) from organisation").query(Long.class).single();
    }

    public long insertOrganisation(Long parentId, OrganisationKind kind, String slug, String name, ClosingDays closingDays,
                                   Region region) {
        return jdbc.sql("""
                        insert into organisation (parent_id, kind, slug, name,
                            closed_constitution_day, closed_christmas_eve, closed_new_years_eve, region)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(parentId, kind.code(), slug, name,
                        closingDays.constitutionDay(), closingDays.christmasEve(), closingDays.newYearsEve(),
                        region == null ? null : region.code())
                .query(Long.class).single();
    }

    public void updateRegion(long organisationId, Region region) {
        jdbc.sql("update organisation set region = ? where id = ?").params(region == null ? null : region.code(), organisationId).update();
    }

    public void rename(long organisationId, String name) {
        jdbc.sql("update organisation set name = ? where id = ?").params(name, organisationId).update();
    }

    public long insertService(long organisationId, String code, String name, String description) {
        return jdbc.sql("insert into service (organisation_id, code, name, description) values (?, ?, ?, ?) returning id")
                .params(organisationId, code, name, description).query(Long.class).single();
    }

    public Optional<Service> findService(long organisationId, String code) {
        return jdbc.sql("select id, organisation_id, code, name, description from service where organisation_id = ? and code = ?")
                .params(organisationId, code)
                .query((rs, i) -> new Service(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    public long insertCaseType(long organisationId, long serviceId, String code, String name, ClockStart clockStart, boolean excludePauses,
                               boolean concernsPersons, boolean open311Listed) {
        return jdbc.sql("""
                        insert into case_type (organisation_id, service_id, code, name, clock_start, exclude_pauses, concerns_persons,
                                               open311_listed)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(organisationId, serviceId, code, name, clockStart.code(), excludePauses, concernsPersons, open311Listed)
                .query(Long.class).single();
    }

    public void updatePrivacy(long caseTypeId, boolean concernsPersons, boolean open311Listed, boolean sensitive) {
        jdbc.sql("update case_type set concerns_persons = ?, open311_listed = ?, sensitive = ? where id = ?")
                .params(concernsPersons, open311Listed, sensitive, caseTypeId).update();
    }

    /** Whether the case type is marked sensitive (false for an unknown id). */
    public boolean sensitive(long caseTypeId) {
        return jdbc.sql("select sensitive from case_type where id = ?").param(caseTypeId).query(Boolean.class).optional().orElse(false);
    }

    public Optional<String> findServiceName(long serviceId) {
        return jdbc.sql("select name from service where id = ?").param(serviceId).query(String.class).optional();
    }

    public Optional<String> findServiceCode(long serviceId) {
        return jdbc.sql("select code from service where id = ?").param(serviceId).query(String.class).optional();
    }

    public List<CaseType> findAllCaseTypes() {
        return jdbc.sql("select " + CASE_TYPE_COLUMNS + " from case_type order by organisation_id, code")
                .query(CatalogueRepository::caseType).list();
    }

    public List<CaseType> findCaseTypes(long organisationId) {
        return jdbc.sql("select " + CASE_TYPE_COLUMNS + " from case_type where organisation_id = ? order by name")
                .param(organisationId).query(CatalogueRepository::caseType).list();
    }

    public Optional<CaseType> findCaseType(long id) {
        return jdbc.sql("select " + CASE_TYPE_COLUMNS + " from case_type where id = ?")
                .param(id).query(CatalogueRepository::caseType).optional();
    }

    public Optional<CaseType> findCaseType(long organisationId, String code) {
        return jdbc.sql("select " + CASE_TYPE_COLUMNS + " from case_type where organisation_id = ? and code = ?")
                .params(organisationId, code).query(CatalogueRepository::caseType).optional();
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Organisation(
                rs.getLong("id"),
                parentId,
                OrganisationKind.fromCode(rs.getString("kind")),
                rs.getString("slug"),
                rs.getString("name"),
                new ClosingDays(rs.getBoolean("closed_constitution_day"), rs.getBoolean("closed_christmas_eve"),
                        rs.getBoolean("closed_new_years_eve")),
                rs.getString("region") == null ? null : Region.fromCode(rs.getString("region")));
    }

    private static CaseType caseType(ResultSet rs, int row) throws SQLException {
        return new CaseType(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("service_id"),
                rs.getString("code"), rs.getString("name"), ClockStart.fromCode(rs.getString("clock_start")),
                rs.getBoolean("exclude_pauses"), rs.getBoolean("concerns_persons"), rs.getBoolean("open311_listed"),
                rs.getBoolean("sensitive"));
    }
}
