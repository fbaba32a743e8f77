package media.icaro.news.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Slows password guessing without letting the guesser lock anyone out. An address that failed
 * {@value #ADDRESS_FAILURES} times within {@link #WINDOW} is refused, whatever the username and
 * password, until the oldest of those failures leaves the window. A username that failed
 * {@value #ACCOUNT_FAILURES} times within the window, which takes several addresses, is refused only
 * from addresses it has not signed in from within {@link #KNOWN_FOR}: its user still signs in from
 * where they usually do. Failures live in the database so that every instance applies the same limits.
 */
@ApplicationScoped
public class LoginThrottle implements PanacheRepositoryBase<LoginFailure, Long> {

    static final int ADDRESS_FAILURES = 10;
    static final int ACCOUNT_FAILURES = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration KNOWN_FOR = Duration.ofDays(90);
    /** A known address's time is written at most this often, not on every API request. */
    private static final Duration KNOWN_REFRESH = Duration.ofDays(1);

    private final KnownAddressRepository known;

    LoginThrottle(KnownAddressRepository known) {
        this.known = known;
    }

    /** How long sign-ins as this username from this address stay refused; empty when they are allowed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Duration> lockedFor(String username, String address, Instant now) {
        Instant since = now.minus(WINDOW);
        Optional<Duration> byAddress = lockedFor("address", address, ADDRESS_FAILURES, since, now);
        if (byAddress.isPresent()) {
            return byAddress;
        }
        return lockedFor("username", username, ACCOUNT_FAILURES, since, now)
                .filter(locked -> !known.isKnownSince(username, address, now.minus(KNOWN_FOR)));
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

    /** Remembers the address of a successful sign-in; the sign-in stands even if this write fails. */
    public void recordSuccess(String username, String address, Instant now) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Optional<KnownAddress> existing = known.find(username, truncate(address, 64));
                if (existing.isPresent()) {
                    if (existing.get().signedInAt.isBefore(now.minus(KNOWN_REFRESH))) {
                        existing.get().signedInAt = now;
                    }
                    return;
                }
                KnownAddress fresh = new KnownAddress();
                fresh.username = username;
                fresh.address = truncate(address, 64);
                fresh.signedInAt = now;
                known.persist(fresh);
                known.deleteOlderThan(now.minus(KNOWN_FOR));
            });
        } catch (RuntimeException e) {
            // Best effort: most likely another request recorded the same address at the same moment.
        }
    }

    private Optional<Duration> lockedFor(String field, String value, int maxFailures, Instant since, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        var failures = find(field + " = ?1 and failedAt > ?2 order by failedAt desc", value, since).page(0, maxFailures).list();
        if (failures.size() < maxFailures) {
            return Optional.empty();
        }
        Instant unlocksAt = failures.get(maxFailures - 1).failedAt.plus(WINDOW);
        return Optional.of(Duration.between(now, unlocksAt));
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max) : value;
    }
}
