package media.icaro.news.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.account.AccountView;
import media.icaro.news.account.LoginThrottle;

/** Newsroom accounts of the admin-page tests: unique "adm-" usernames, never the shared admin. */
@ApplicationScoped
public class DeskAccounts {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password";
    /** The password every account made here starts with. */
    static final String PASSWORD = "adm-first-password";

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Inject
    AccountService accounts;

    @Inject
    LoginThrottle throttle;

    /** A unique name with the tests' prefix, usable as a username or a section slug. */
    static String unique(String what) {
        return "adm-" + what + "-" + NEXT.incrementAndGet();
    }

    /** A new enabled account with {@link #PASSWORD}. */
    String create(String what, Account.Role role) {
        String username = unique(what);
        accounts.create(username, "Adm " + what + " " + role.label(), role, PASSWORD);
        return username;
    }

    boolean exists(String username) {
        return find(username).isPresent();
    }

    Account.Role role(String username) {
        return find(username).orElseThrow().role();
    }

    boolean enabled(String username) {
        return find(username).orElseThrow().enabled();
    }

    /** The account as committed now: outside a transaction, the test's request would keep the first one it read. */
    private Optional<AccountView> find(String username) {
        return QuarkusTransaction.requiringNew().call(() -> accounts.find(username));
    }

    /**
     * Signs in through the login form and checks that it is refused. The failure is then forgotten,
     * so that the tests' deliberate failures never add up to locking out the address they all share.
     */
    void assertSignInRefused(String username, String password) {
        Response login = NewsroomSession.signInForm(username, password).post("/j_security_check");
        assertEquals(302, login.statusCode(), "a refused sign-in goes back to the form");
        assertTrue(login.header("Location").contains("/login?error"), login.header("Location"));
        String credential = login.getCookie("quarkus-credential");
        assertTrue(credential == null || credential.isEmpty(), "no session for a refused sign-in");
        QuarkusTransaction.requiringNew().run(() -> throttle.delete("username", username));
    }
}
