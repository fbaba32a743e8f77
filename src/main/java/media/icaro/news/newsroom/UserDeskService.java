package media.icaro.news.newsroom;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.account.AccountView;
import media.icaro.news.domain.FieldErrors;

/** What the newsroom's user pages do: read the typed role and switch, and hand them to the {@link AccountService}. */
@ApplicationScoped
public class UserDeskService {

    /** The list of accounts and the form to create one. */
    public record ListPage(NewsroomUser user, List<AccountView> accounts, UserForm form, FieldErrors errors,
            String notice) {

        public List<Account.Role> roles() {
            return List.of(Account.Role.values());
        }
    }

    /** One account, with the form to change its role and access (as typed, after errors) and to reset its password. */
    public record UserPage(NewsroomUser user, AccountView account, String role, boolean enabled, FieldErrors errors,
            String notice) {

        public List<Account.Role> roles() {
            return List.of(Account.Role.values());
        }

        /** Whether the admin is looking at their own account, which they cannot demote or disable. */
        public boolean isSelf() {
            return account.username().equals(user.username());
        }
    }

    private final AccountService accounts;

    UserDeskService(AccountService accounts) {
        this.accounts = accounts;
    }

    public ListPage list(NewsroomUser user, String notice) {
        return new ListPage(user, accounts.list(), new UserForm(), new FieldErrors(), notice);
    }

    /** The list with the new-user form sent back as typed, without the password, and the messages beside its fields. */
    public ListPage withErrors(NewsroomUser user, UserForm form, FieldErrors errors) {
        form.password = "";
        return new ListPage(user, accounts.list(), form, errors, null);
    }

    public UserPage user(String username, NewsroomUser user, String notice) {
        AccountView account = find(username);
        return new UserPage(user, account, account.role().name(), account.enabled(), new FieldErrors(), notice);
    }

    /** The account's page with the role form sent back as typed and its message. */
    public UserPage withRoleErrors(String username, String role, String enabled, NewsroomUser user, FieldErrors errors) {
        return new UserPage(user, find(username), role == null ? "" : role, isChecked(enabled), errors, null);
    }

    /** The account's page with the password form's message; the role form shows the account as it is. */
    public UserPage withPasswordErrors(String username, NewsroomUser user, FieldErrors errors) {
        AccountView account = find(username);
        return new UserPage(user, account, account.role().name(), account.enabled(), errors, null);
    }

    public AccountView create(UserForm form) {
        return accounts.create(form.username, form.displayName, role(form.role), form.password);
    }

    public void update(String actingAdmin, String username, String role, String enabled) {
        find(username);
        accounts.update(actingAdmin, username, role(role), isChecked(enabled));
    }

    public void resetPassword(String username, String password) {
        find(username);
        accounts.resetPassword(username, password);
    }

    private AccountView find(String username) {
        return accounts.find(username).orElseThrow(NotFoundException::new);
    }

    /** The chosen role, or null (which the service reports) for none or an unknown one. */
    private static Account.Role role(String typed) {
        String wanted = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(Account.Role.values()).filter(role -> role.name().equals(wanted)).findFirst().orElse(null);
    }

    private static boolean isChecked(String checkbox) {
        return "on".equals(checkbox) || "true".equals(checkbox);
    }
}
