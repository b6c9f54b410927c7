package dk.klaremaal.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Whether a failure came from the database being unreachable or slow rather than from the request itself. */
public final class DatabaseTrouble {

    private DatabaseTrouble() {
    }

    /**
     * True when the failure or one of its causes is a lost or refused connection, or a lock or statement that timed
     * out (SQL states 08..., 57P01-57P03, 55P03 lock_not_available, 57014 query_canceled).
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A rollback that failed on the lost connection hides the failure that started it.
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException || t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("55P03") || state.equals("57014")) {
                    return true;
                }
            }
        }
        return false;
    }
}
