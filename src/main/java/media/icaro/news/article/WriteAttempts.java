package media.icaro.news.article;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import media.icaro.news.domain.DatabaseFailures;

/**
 * Runs one write in a transaction of its own, so that what the database refuses when simultaneous
 * writes meet is seen here rather than as an error page: a unique name (an article's slug, a new tag
 * or author, an hour of page views) that another write took first is tried again, now that the other
 * write is visible; a save that lost the race on an article's version is reported as such.
 */
public final class WriteAttempts {

    /**
     * Of writes clashing on one name, one commits each round, so this many settles that many
     * simultaneous writes (twenty wires with one headline in the tests).
     */
    static final int ATTEMPTS = 30;

    private WriteAttempts() {
    }

    /** Runs the write, again after a clash of unique names; inside a caller's transaction, once. */
    public static <T> T run(Supplier<T> write) {
        if (QuarkusTransaction.isActive()) {
            return write.get();
        }
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(write::get);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !clashed(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** A short random pause spreads writes that clashed, so that fewer of them meet again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a write", e);
        }
    }

    /** Another write took a unique name first. */
    static boolean clashed(Throwable failure) {
        return has(failure, ConstraintViolationException.class);
    }

    /** Another write saved the same version of the row first. */
    static boolean lostRace(Throwable failure) {
        return has(failure, OptimisticLockException.class) || has(failure, StaleStateException.class);
    }

    /**
     * The database did not carry the write out: unreachable, out of space, or a row held by another
     * write for longer than it waits. Nothing was saved; the same write may succeed in a moment.
     */
    public static boolean databaseFailed(Throwable failure) {
        return !lostRace(failure) && !clashed(failure) && DatabaseFailures.note(failure);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
