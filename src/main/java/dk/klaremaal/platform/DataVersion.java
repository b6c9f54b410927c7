package dk.klaremaal.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The versions of the data pages and results are computed from. Every committed change takes the next number
 * (table {@code data_version}); database triggers note which organisations each change belongs to and store the
 * number as their version ({@code organisation_version}), or, for a change that belongs to no single organisation
 * (the organisations themselves, a truncate), as the shared version. What was read from some organisations is kept
 * under {@link #ofOrganisation}: the greatest of the shared version and theirs, which any later change to what it
 * read raises, because every change gets a number above all numbers handed out before. What reads everything is kept
 * under {@link #current()}, which every change raises. A reader takes the version before it reads the data, so what it
 * keeps under a version is never older than that version; every node reads the versions from the database, so a
 * change through one node is seen by the others at their next request.
 */
@Configuration(proxyBeanMethods = false)
public class DataVersion {

    private final JdbcClient jdbc;

    DataVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version every committed change raises: for what reads everything. */
    public long current() {
        return jdbc.sql("select version from data_version").query(Long.class).single();
    }

    /** The version of what was read from one organisation (and the organisations' names and tree). */
    public long ofOrganisation(long organisationId) {
        return of("?", organisationId);
    }

    /** As {@link #ofOrganisation(long)}, for the organisation with this slug (the shared version alone when there is none). */
    public long ofOrganisation(String slug) {
        return of("(select id from organisation where slug = ?)", slug);
    }

    /** As {@link #ofOrganisation(long)}, for the organisation that owns the goal (the shared version alone when there is none). */
    public long ofGoalOwner(long goalId) {
        return of("(select organisation_id from goal where id = ?)", goalId);
    }

    private long of(String organisation, Object parameter) {
        return jdbc.sql("""
                        select greatest(d.shared, coalesce((select v.version from organisation_version v where v.organisation_id = %s), 0))
                        from data_version d""".formatted(organisation))
                .param(parameter).query(Long.class).single();
    }

    /** Spring's JDBC transactions, marked so that changes raise the version once, at commit. */
    @Bean
    static JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource) {
            @Override
            protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition) throws SQLException {
                super.prepareTransactionalConnection(connection, definition);
                if (!definition.isReadOnly()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("select set_config('klaremaal.defer_version', 'on', true)");
                    }
                }
            }

            @Override
            protected void prepareForCommit(DefaultTransactionStatus status) {
                super.prepareForCommit(status);
                if (status.isNewTransaction() && !status.isReadOnly()) {
                    Connection connection = DataSourceUtils.getConnection(getDataSource());
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("select bump_data_version_if_changed()");
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not raise the data version", e);
                    }
                }
            }
        };
    }
}
