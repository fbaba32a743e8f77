package media.icaro.news.newsroom;

import static io.restassured.RestAssured.given;
import static media.icaro.news.newsroom.FormAssertions.assertEmptyPassword;
import static media.icaro.news.newsroom.FormAssertions.assertFieldError;
import static media.icaro.news.newsroom.FormAssertions.assertOnlyErrors;
import static media.icaro.news.newsroom.FormAssertions.assertSentToSignIn;
import static media.icaro.news.newsroom.FormAssertions.rejected;
import static media.icaro.news.newsroom.FormAssertions.seeOther;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.account.Account;

/** Any newsroom user's own account page: who they are, and changing their password. */
@QuarkusTest
class AccountDeskTest {

    @Inject
    DeskAccounts accounts;

    @Test
    void signedOutVisitorsAreSentToSignInAndTheirPostsChangeNothing() {
        String username = accounts.create("account-out", Account.Role.CONTRIBUTOR);
        assertSentToSignIn(given().redirects().follow(false).get("/admin/account"));
        assertSentToSignIn(given().redirects().follow(false).formParam("currentPassword", DeskAccounts.PASSWORD)
                .formParam("password", "a-signed-out-password").formParam("confirmPassword", "a-signed-out-password")
                .post("/admin/account/password"));
        NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
    }

    @Test
    void everyRoleSeesWhoTheyAre() {
        for (Account.Role role : Account.Role.values()) {
            String username = accounts.create("account-" + role.name().toLowerCase(), role);
            Document page = NewsroomSession.signIn(username, DeskAccounts.PASSWORD).page("/admin/account");
            String facts = page.selectFirst(".account-facts").text();
            assertTrue(facts.contains("Adm account-" + role.name().toLowerCase() + " " + role.label()), facts);
            assertTrue(facts.contains(username), facts);
            assertTrue(facts.contains("Role " + role.label() + ":"), facts);
            assertEquals("/admin/account/password", page.selectFirst("form[action=/admin/account/password]").attr("action"));
        }
    }

    @Test
    void aChangedPasswordSignsInAndTheOldOneNoLonger() {
        String username = accounts.create("account-change", Account.Role.CONTRIBUTOR);
        NewsroomSession session = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
        Response changed = post(session, DeskAccounts.PASSWORD, "my-own-new-password", "my-own-new-password");

        Document page = session.page(seeOther(changed, "/admin/account?done=password"));
        assertEquals("Password changed: use the new one next time you sign in.", page.selectFirst(".notice").text());
        NewsroomSession.signIn(username, "my-own-new-password").page("/admin/account");
        accounts.assertSignInRefused(username, DeskAccounts.PASSWORD);
    }

    @Test
    void changingMyPasswordSignsOutMyOtherSessionsButNotThisOne() {
        String username = accounts.create("account-others", Account.Role.CONTRIBUTOR);
        NewsroomSession elsewhere = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
        NewsroomSession here = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
        seeOther(post(here, DeskAccounts.PASSWORD, "my-own-new-password", "my-own-new-password"),
                "/admin/account?done=password");
        assertEquals(302, elsewhere.request().get("/admin/account").statusCode(), "the other session is over");
        assertEquals(200, here.request().get("/admin/account").statusCode(), "this one goes on");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedBesideIt() {
        String username = accounts.create("account-wrong", Account.Role.EDITOR);
        NewsroomSession session = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
        Document page = rejected(post(session, "not-my-password", "my-own-new-password", "my-own-new-password"));
        assertFieldError(page, "currentPassword", "That is not your current password");
        assertOnlyErrors(page, "currentPassword");
        assertTrue(page.selectFirst(".error-summary").text().contains("Your password was not changed"));
        for (String field : List.of("currentPassword", "password", "confirmPassword")) {
            assertEmptyPassword(page, field);
        }
        NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
    }

    @Test
    void aShortNewPasswordIsRefusedBesideIt() {
        String username = accounts.create("account-short", Account.Role.CONTRIBUTOR);
        NewsroomSession session = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
        Document page = rejected(post(session, DeskAccounts.PASSWORD, "elevenchars", "elevenchars"));
        assertFieldError(page, "password", "Use at least 12 characters");
        assertOnlyErrors(page, "password");
        NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
    }

    @Test
    void aConfirmationThatDiffersIsRefusedBesideIt() {
        String username = accounts.create("account-mismatch", Account.Role.CONTRIBUTOR);
        NewsroomSession session = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
        Document page = rejected(post(session, DeskAccounts.PASSWORD, "my-own-new-password", "my-own-new-passwort"));
        assertFieldError(page, "confirmPassword", "The two new passwords differ");
        assertOnlyErrors(page, "confirmPassword");
        NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
    }

    @Test
    void withoutTheCsrfTokenThePasswordStays() {
        String username = accounts.create("account-csrf", Account.Role.CONTRIBUTOR);
        NewsroomSession session = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
        session.page("/admin/account");
        assertEquals(400, session.request().formParam("currentPassword", DeskAccounts.PASSWORD)
                .formParam("password", "my-own-new-password").formParam("confirmPassword", "my-own-new-password")
                .post("/admin/account/password").statusCode());
        NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
    }

    /** POSTs the password form with the CSRF token of the account page. */
    private static Response post(NewsroomSession session, String current, String password, String confirm) {
        session.page("/admin/account");
        return session.keep(session.request().formParam("csrf-token", session.csrfToken())
                .formParam("currentPassword", current).formParam("password", password)
                .formParam("confirmPassword", confirm).post("/admin/account/password"));
    }
}
