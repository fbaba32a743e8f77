package media.icaro.news.account;

import java.time.Instant;

/** @param hasPassword false for an account brought in by a site import until an admin sets its password */
public record AccountView(long id, String username, String displayName, Account.Role role, boolean enabled, Instant createdAt,
        boolean hasPassword) {

    static AccountView of(Account account) {
        return new AccountView(account.id, account.username, account.displayName, account.role, account.enabled,
                account.createdAt, account.passwordHash != null);
    }
}
