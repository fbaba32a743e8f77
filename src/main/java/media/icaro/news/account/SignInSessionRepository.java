package media.icaro.news.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class SignInSessionRepository implements PanacheRepository<SignInSession> {

    /** The unexpired session with this token hash, if it belongs to this username. */
    public Optional<SignInSession> findLive(String tokenHash, String username, Instant now) {
        return find("tokenHash = ?1 and account.username = ?2 and expiresAt > ?3", tokenHash, username, now)
                .firstResultOptional();
    }

    public long deleteByTokenHash(String tokenHash) {
        return delete("tokenHash", tokenHash);
    }

    public long deleteByAccount(Account account) {
        return delete("account", account);
    }

    public long deleteByAccountExcept(Account account, String keptTokenHash) {
        return delete("account = ?1 and tokenHash <> ?2", account, keptTokenHash);
    }

    public long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
