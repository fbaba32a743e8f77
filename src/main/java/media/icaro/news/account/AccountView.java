package media.icaro.news.account;

import java.time.Instant;

public record AccountView(long id, String username, String displayName, Account.Role role, boolean enabled, Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.id, account.username, account.displayName, account.role, account.enabled,
                account.createdAt);
    }
}
