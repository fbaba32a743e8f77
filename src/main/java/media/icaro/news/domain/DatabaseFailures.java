package media.icaro.news.domain;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Telling a database that did not answer (down, unreachable, no connection free in time) from a
 * defect, and remembering for a moment that it did not: while it is away, each query waits for the
 * pool's acquisition timeout, and a request that can do without one (a newsroom session already
 * known) skips it.
 */
public final class DatabaseFailures {

    private static final long AWAY_FOR = TimeUnit.SECONDS.toNanos(2);
    private static volatile long lastConnectionFailure;
    private static volatile boolean seenFailure;

    private DatabaseFailures() {
    }

    /**
     * Whether a failure came from the database driver or pool, at any depth of its causes; notes the
     * time when the database could not be reached at all (a connection failure, SQL state class 08,
     * or no connection in time), not merely refused a query.
     */
    public static boolean note(Throwable failure) {
        boolean fromDatabase = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLException sql && isUnreachable(sql)) {
                lastConnectionFailure = System.nanoTime();
                seenFailure = true;
                return true;
            }
            fromDatabase |= t instanceof SQLException;
        }
        return fromDatabase;
    }

    private static boolean isUnreachable(SQLException sql) {
        String state = sql.getSQLState();
        String message = String.valueOf(sql.getMessage()).toLowerCase();
        return state != null && state.startsWith("08") || message.contains("acquisition timeout");
    }

    /** Whether the database could not be reached within the last two seconds. */
    public static boolean awayJustNow() {
        return seenFailure && System.nanoTime() - lastConnectionFailure < AWAY_FOR;
    }
}
