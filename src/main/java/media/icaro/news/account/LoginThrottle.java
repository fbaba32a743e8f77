package media.icaro.news.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Refuses sign-ins for a username, or from an address, that failed {@value #MAX_FAILURES} times
 * within {@link #WINDOW}, whatever the password, until the oldest of those failures leaves the
 * window. Failures live in the database so that every instance applies the same limit.
 */
@ApplicationScoped
public class LoginThrottle implements PanacheRepositoryBase<LoginFailure, Long> {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** How long sign-ins stay refused for this username or address; empty when they are allowed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Duration> lockedFor(String username, String address, Instant now) {
        Instant since = now.minus(WINDOW);
        Optional<Duration> byUser = lockedFor("username", username, since, now);
        Optional<Duration> byAddress = lockedFor("address", address, since, now);
        if (byUser.isPresent() && byAddress.isPresent()) {
            return Optional.of(byUser.get().compareTo(byAddress.get()) > 0 ? byUser.get() : byAddress.get());
        }
        return byUser.isPresent() ? byUser : byAddress;
    }

    /** The lock applying to the last username tried from this address, or to the address itself. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Duration> lockedForAddress(String address, Instant now) {
        return find("address = ?1 order by failedAt desc", address).firstResultOptional()
                .flatMap(last -> lockedFor(last.username, address, now));
    }

    /** Written in its own transaction: a failed sign-in counts even though the request fails. */
    public void recordFailure(String username, String address, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            LoginFailure failure = new LoginFailure();
            failure.username = truncate(username, 80);
            failure.address = truncate(address, 64);
            failure.failedAt = now;
            persist(failure);
            delete("failedAt < ?1", now.minus(WINDOW.multipliedBy(4)));
        });
    }

    private Optional<Duration> lockedFor(String field, String value, Instant since, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        var failures = find(field + " = ?1 and failedAt > ?2 order by failedAt desc", value, since).page(0, MAX_FAILURES).list();
        if (failures.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        Instant unlocksAt = failures.get(MAX_FAILURES - 1).failedAt.plus(WINDOW);
        return Optional.of(Duration.between(now, unlocksAt));
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max) : value;
    }
}
