package dk.klaremaal.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The version of the data results are computed from (table {@code data_version}): database triggers
 * note every change, and the version is raised when the changing transaction commits. Every node
 * reads it to know whether what it computed before still holds.
 */
@Configuration(proxyBeanMethods = false)
public class DataVersion {

    private final JdbcClient jdbc;

    DataVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version, as committed. */
    public long current() {
        return jdbc.sql("select version from data_version").query(Long.class).single();
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
                    Connection connection = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(getDataSource());
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
