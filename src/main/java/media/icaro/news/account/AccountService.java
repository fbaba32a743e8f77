package media.icaro.news.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import media.icaro.news.domain.CleanText;
import media.icaro.news.domain.FieldErrors;

/** Newsroom accounts: signing in, the first admin, and what admins and users change. */
@ApplicationScoped
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** What a username is made of: any other text names no account. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,79}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    private final int bcryptCost;
    /** A hash nobody's password matches, checked for unknown usernames so that timing tells nothing. */
    private final String dummyHash;

    AccountService(AccountRepository accounts, LoginThrottle throttle, SessionService sessions,
            @ConfigProperty(name = "news.bcrypt-cost", defaultValue = "12") int bcryptCost) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.sessions = sessions;
        this.bcryptCost = bcryptCost;
        this.dummyHash = BcryptUtil.bcryptHash("not-a-password-" + RANDOM.nextLong(), bcryptCost);
    }

    /** Checks a sign-in; refuses it while {@link LoginThrottle} says so, even with the right password. */
    @Transactional
    public SecurityIdentity authenticate(String username, String password, String address) {
        Instant now = Instant.now();
        Optional<Duration> locked = throttle.lockedFor(username, address, now);
        if (locked.isPresent()) {
            // A refused try is a failed one too: the lock lasts while the guessing goes on.
            throttle.recordFailure(username, address, now);
            throw new AuthenticationFailedException("Too many failed sign-ins; locked for " + locked.get());
        }
        Optional<Account> account = accounts.findByUsername(username);
        String hash = account.map(a -> a.passwordHash).orElse(null);
        // An account without a password yet (imported) is checked against the dummy too, and refused.
        boolean matches = BcryptUtil.matches(password, hash == null ? dummyHash : hash) && hash != null;
        if (account.isEmpty() || !matches || !account.get().enabled) {
            throttle.recordFailure(username, address, now);
            throw new AuthenticationFailedException("Wrong username or password");
        }
        throttle.recordSuccess(username, address, now);
        return identity(account.get());
    }

    /**
     * The identity of a signed-in user, from their account as it is now, while their server-side
     * session is live; disabled accounts are refused.
     */
    @Transactional
    public SecurityIdentity restore(String username, String sessionToken) {
        if (!sessions.isLive(sessionToken, username, Instant.now())) {
            throw new AuthenticationFailedException("No live session");
        }
        Account account = accounts.findByUsername(username)
                .filter(a -> a.enabled)
                .orElseThrow(() -> new AuthenticationFailedException("No such enabled account"));
        return identity(account);
    }

    private static SecurityIdentity identity(Account user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.role.grants())
                .addAttribute("displayName", user.displayName)
                .build();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean any() {
        return accounts.count() > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountView> list() {
        return accounts.listByUsername().stream().map(AccountView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccountView> find(String username) {
        return accounts.findByUsername(username).map(AccountView::of);
    }

    @Transactional
    public AccountView create(String username, String typedDisplayName, Account.Role role, String password) {
        String displayName = CleanText.singleLine(typedDisplayName);
        FieldErrors errors = new FieldErrors();
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!isUsername(name)) {
            errors.add("username", "Use 2 to 80 lower-case letters, digits, dots, hyphens or underscores");
        } else if (accounts.findByUsername(name).isPresent()) {
            errors.add("username", "That username is taken");
        }
        if (displayName == null || displayName.isBlank()) {
            errors.add("displayName", "Give the name shown in the newsroom");
        }
        if (role == null) {
            errors.add("role", "Choose a role");
        }
        checkPassword(password, errors);
        errors.throwIfAny();
        Account account = new Account();
        account.username = name;
        account.displayName = displayName.strip();
        account.role = role;
        account.passwordHash = BcryptUtil.bcryptHash(password, bcryptCost);
        account.enabled = true;
        account.createdAt = Instant.now();
        accounts.persist(account);
        return AccountView.of(account);
    }

    /**
     * An account moved from another site by a site import, as it was there but without a password:
     * it cannot sign in until an admin sets one. An account of that username already here (the
     * importing admin's own, for one) is kept as it is. Returns whether the account was added.
     */
    @Transactional
    public boolean addWithoutPassword(String username, String typedDisplayName, Account.Role role, boolean enabled,
            Instant createdAt) {
        String displayName = CleanText.singleLine(typedDisplayName);
        FieldErrors errors = new FieldErrors();
        if (username == null || !isUsername(username)) {
            errors.add("username", "Use 2 to 80 lower-case letters, digits, dots, hyphens or underscores");
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            errors.add("displayName", "Give a display name of at most 200 characters");
        }
        if (role == null) {
            errors.add("role", "Choose a role");
        }
        if (createdAt == null) {
            errors.add("createdAt", "Give the time the account was created");
        }
        errors.throwIfAny();
        if (accounts.findByUsername(username).isPresent()) {
            return false;
        }
        Account account = new Account();
        account.username = username;
        account.displayName = displayName.strip();
        account.role = role;
        account.enabled = enabled;
        account.createdAt = createdAt;
        accounts.persist(account);
        return true;
    }

    /** Signs the user out everywhere but in the session that changed it: whoever knew the old password loses access. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String sessionToken) {
        Account account = accounts.findByUsername(username).orElseThrow();
        FieldErrors errors = new FieldErrors();
        if (currentPassword == null || account.passwordHash == null || !BcryptUtil.matches(currentPassword, account.passwordHash)) {
            errors.add("currentPassword", "That is not your current password");
        }
        checkPassword(newPassword, errors);
        errors.throwIfAny();
        account.passwordHash = BcryptUtil.bcryptHash(newPassword, bcryptCost);
        sessions.closeOthers(account, sessionToken);
    }

    /** An admin's reset also signs the user out everywhere: whoever knew the old password loses access. */
    @Transactional
    public void resetPassword(String username, String newPassword) {
        Account account = accounts.findByUsername(username).orElseThrow();
        FieldErrors errors = new FieldErrors();
        checkPassword(newPassword, errors);
        errors.throwIfAny();
        account.passwordHash = BcryptUtil.bcryptHash(newPassword, bcryptCost);
        sessions.closeAll(account);
    }

    /** Changes role and whether the account may sign in; an admin cannot lock themselves out. */
    @Transactional
    public void update(String actingAdmin, String username, Account.Role role, boolean enabled) {
        Account account = accounts.findByUsername(username).orElseThrow();
        FieldErrors errors = new FieldErrors();
        if (account.username.equals(actingAdmin) && (role != Account.Role.ADMIN || !enabled)) {
            errors.add("role", "You cannot remove your own admin role or disable yourself");
        }
        if (role == null) {
            errors.add("role", "Choose a role");
        }
        errors.throwIfAny();
        account.role = role;
        account.enabled = enabled;
    }

    /**
     * The first admin, when there is no account: {@code NEWS_ADMIN_USER} (default "admin") with
     * {@code NEWS_ADMIN_PASSWORD}, or a generated password that the caller prints once.
     * Returns the generated password, if one was generated.
     */
    @Transactional
    public Optional<String> createFirstAdmin(String username, Optional<String> password) {
        if (any()) {
            return Optional.empty();
        }
        String chosen = password.filter(p -> !p.isBlank()).orElse(null);
        String actual = chosen != null ? chosen : generatePassword();
        create(username, "Administrator", Account.Role.ADMIN, actual);
        return chosen == null ? Optional.of(actual) : Optional.empty();
    }

    static boolean isUsername(String text) {
        return USERNAME.matcher(text).matches();
    }

    public static String generatePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void checkPassword(String password, FieldErrors errors) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            errors.add("password", "Use at least " + MIN_PASSWORD_LENGTH + " characters");
        } else if (password.length() > 72) {
            errors.add("password", "Use at most 72 characters");
        }
    }
}
