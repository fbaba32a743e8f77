package media.icaro.news.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Server-side newsroom sessions. Quarkus's encrypted credential cookie says who signed in; a session
 * also needs the random token of a live row here, so that signing out, a password reset or the
 * lifetime cap ends it on every instance, and a forged or replayed credential cookie opens nothing.
 */
@ApplicationScoped
public class SessionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInSessionRepository sessions;
    private final AccountRepository accounts;
    private final Duration lifetime;

    SessionService(SignInSessionRepository sessions, AccountRepository accounts,
            @ConfigProperty(name = "news.session.lifetime") Duration lifetime) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.lifetime = lifetime;
    }

    /** Opens a session for a user who just signed in and returns the token for their cookie. */
    @Transactional
    public String open(String username, Instant now) {
        sessions.deleteExpired(now);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SignInSession session = new SignInSession();
        session.tokenHash = hash(token);
        session.account = accounts.findByUsername(username).orElseThrow();
        session.createdAt = now;
        session.expiresAt = now.plus(lifetime);
        sessions.persist(session);
        return token;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isLive(String token, String username, Instant now) {
        return token != null && sessions.findLive(hash(token), username, now).isPresent();
    }

    @Transactional
    public void close(String token) {
        if (token != null) {
            sessions.deleteByTokenHash(hash(token));
        }
    }

    /** Ends every session of this account, on every instance. */
    @Transactional
    public void closeAll(Account account) {
        sessions.deleteByAccount(account);
    }

    /** Ends every session of this account but the one with this token (none kept when it is null). */
    @Transactional
    public void closeOthers(Account account, String keptToken) {
        if (keptToken == null) {
            sessions.deleteByAccount(account);
        } else {
            sessions.deleteByAccountExcept(account, hash(keptToken));
        }
    }

    /** Only a hash is stored: reading the table does not give a working session. */
    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
