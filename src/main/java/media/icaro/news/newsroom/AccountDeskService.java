package media.icaro.news.newsroom;

import jakarta.enterprise.context.ApplicationScoped;

import media.icaro.news.account.AccountService;
import media.icaro.news.account.AccountView;
import media.icaro.news.domain.FieldErrors;

/** What the newsroom's own-account page does: show who is signed in and change their password. */
@ApplicationScoped
public class AccountDeskService {

    /** The signed-in user's account and the password form's messages. */
    public record Page(NewsroomUser user, AccountView account, FieldErrors errors, String notice) {
    }

    private final AccountService accounts;

    AccountDeskService(AccountService accounts) {
        this.accounts = accounts;
    }

    public Page page(NewsroomUser user, FieldErrors errors, String notice) {
        return new Page(user, accounts.find(user.username()).orElseThrow(), errors, notice);
    }

    /**
     * Changes the signed-in user's password once the new one is typed the same twice; a mismatch is
     * reported alone, before the current password is checked, and nothing changes. The user's other
     * sessions end; the one with this token goes on.
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String confirmPassword,
            String sessionToken) {
        if (newPassword == null || !newPassword.equals(confirmPassword)) {
            new FieldErrors().add("confirmPassword", "The two new passwords differ: type the same one twice").throwIfAny();
        }
        accounts.changeOwnPassword(username, currentPassword, newPassword, sessionToken);
    }
}
