package media.icaro.news.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;

/** Signing in and out, and refusing brute force. Each test acts from its own (forwarded) address. */
@QuarkusTest
class SignInTest {

    static final String PASSWORD = "sign-in-test-password";

    @Inject
    AccountService accounts;

    @Inject
    SignInSessionRepository sessions;

    private void user(String username) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, "Sign-in " + username, Account.Role.EDITOR, PASSWORD);
        }
    }

    private static Response attempt(String username, String password, String address) {
        return NewsroomSession.signInForm(username, password).header("X-Forwarded-For", address).post("/j_security_check");
    }

    private static String loginProblem(String address) {
        String html = given().header("X-Forwarded-For", address).get("/login?error=true")
                .then().statusCode(200).extract().asString();
        return Jsoup.parse(html).selectFirst(".problem").text();
    }

    @Test
    void theSignInPageIsNeverStoredAndSaysSoOnce() {
        assertEquals(java.util.List.of("no-store"), given().get("/login").headers().getValues("Cache-Control"));
    }

    @Test
    void aWrongPasswordSendsBackToTheFormWithAMessage() {
        user("signin-wrong");
        Response response = attempt("signin-wrong", "not the password", "10.1.0.1");
        assertEquals(302, response.statusCode());
        assertTrue(response.header("Location").endsWith("/login?error=true"));
        assertFalse(response.getCookies().containsKey("quarkus-credential"));
        assertEquals("Wrong username or password. Check them and try again.", loginProblem("10.1.0.1"));
    }

    @Test
    void theRightPasswordSignsInWithAStrictHttpOnlySessionCookie() {
        user("signin-right");
        Response response = attempt("signin-right", PASSWORD, "10.1.0.2");
        assertEquals(302, response.statusCode());
        String cookie = response.header("Set-Cookie");
        assertTrue(cookie.startsWith("quarkus-credential="), cookie);
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(response.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("newsroom-csrf=;") && c.contains("Max-Age=0")),
                "the CSRF token from before signing in is dropped: " + response.headers().getValues("Set-Cookie"));
    }

    @Test
    void failuresFromOneAddressNeverLockTheUserOutFromElsewhere() {
        user("signin-target");
        for (int i = 0; i < 12; i++) {
            attempt("signin-target", "guess-" + i, "10.2.0.9");
        }
        for (int i = 0; i < 12; i++) {
            given().header("X-Forwarded-For", "10.2.0.8").auth().preemptive().basic("signin-target", "api-guess-" + i)
                    .get("/api/v1/articles");
        }
        assertFalse(attempt("signin-target", PASSWORD, "10.2.0.9").getCookies().containsKey("quarkus-credential"),
                "the guessing address is locked");
        assertTrue(loginProblem("10.2.0.9").startsWith("Too many failed sign-ins"), "a clear message");
        assertTrue(attempt("signin-target", PASSWORD, "10.2.1.1").getCookies().containsKey("quarkus-credential"),
                "the user signs in from elsewhere");
        given().header("X-Forwarded-For", "10.2.1.2").auth().preemptive().basic("signin-target", PASSWORD)
                .get("/api/v1/articles").then().statusCode(200);
    }

    @Test
    void guessingFromManyAddressesPausesOnlyAddressesTheUserNeverSignedInFrom() {
        user("signin-known");
        assertTrue(attempt("signin-known", PASSWORD, "10.5.0.1").getCookies().containsKey("quarkus-credential"));
        for (int i = 0; i < 40; i++) {
            attempt("signin-known", "guess-" + i, "10.5.1." + (i % 8));
        }
        Response stranger = attempt("signin-known", PASSWORD, "10.5.9.9");
        assertFalse(stranger.getCookies().containsKey("quarkus-credential"), "a new address waits while the guessing goes on");
        assertTrue(loginProblem("10.5.9.9").startsWith("Too many failed sign-ins"), "a clear message");
        assertTrue(attempt("signin-known", PASSWORD, "10.5.0.1").getCookies().containsKey("quarkus-credential"),
                "the user still signs in from an address they used before");
    }

    @Test
    void tenFailuresFromAnAddressLockThatAddressForEveryUser() {
        user("signin-victim");
        for (int i = 0; i < 10; i++) {
            attempt("signin-nobody-" + i, "guess", "10.3.0.9");
        }
        Response fromThere = attempt("signin-victim", PASSWORD, "10.3.0.9");
        assertFalse(fromThere.getCookies().containsKey("quarkus-credential"), "the address is locked");
        assertTrue(loginProblem("10.3.0.9").startsWith("Too many failed sign-ins"));
        assertTrue(attempt("signin-victim", PASSWORD, "10.3.0.10").getCookies().containsKey("quarkus-credential"),
                "the user is fine from elsewhere");
    }

    @Test
    void signingOutEndsTheSession() {
        user("signin-out");
        NewsroomSession session = NewsroomSession.signIn("signin-out", PASSWORD);
        session.page("/admin/articles");
        Response out = session.request().formParam("csrf-token", session.csrfToken()).post("/logout");
        assertEquals(303, out.statusCode());
        session.keep(out);
        assertEquals(302, session.request().get("/admin/articles").statusCode(), "back to the login page");
        Document page = Jsoup.parse(given().get("/login?out=true").asString());
        assertEquals("You are signed out.", page.selectFirst(".notice").text());
    }

    @Test
    void aSessionReplayedAfterSignOutIsRefused() {
        user("signin-replay");
        NewsroomSession session = NewsroomSession.signIn("signin-replay", PASSWORD);
        session.page("/admin/articles");
        Map<String, String> stolen = session.cookies();
        assertEquals(303, session.request().formParam("csrf-token", session.csrfToken()).post("/logout").statusCode());
        Response replayed = given().redirects().follow(false).cookies(stolen).get("/admin/articles");
        assertEquals(302, replayed.statusCode(), "the signed-out session no longer opens the newsroom");
        assertTrue(replayed.header("Location").endsWith("/login"), replayed.header("Location"));
    }

    @Test
    void aPasswordResetEndsTheUsersSessions() {
        user("signin-reset");
        NewsroomSession session = NewsroomSession.signIn("signin-reset", PASSWORD);
        session.page("/admin/articles");
        NewsroomSession admin = NewsroomSession.signIn("admin", "test-admin-password");
        admin.page("/admin/users/signin-reset");
        assertEquals(303, admin.request().formParam("csrf-token", admin.csrfToken())
                .formParam("password", "a-brand-new-password").post("/admin/users/signin-reset/password").statusCode());
        assertEquals(302, session.request().get("/admin/articles").statusCode(), "the old session is over");
        accounts.resetPassword("signin-reset", PASSWORD);
    }

    @Test
    void theCredentialCookieAloneOpensNothing() {
        user("signin-forged");
        NewsroomSession session = NewsroomSession.signIn("signin-forged", PASSWORD);
        String credential = session.cookies().get("quarkus-credential");
        assertEquals(200, session.request().get("/admin/articles").statusCode(), "the whole session works");
        Response alone = given().redirects().follow(false).cookie("quarkus-credential", credential).get("/admin/articles");
        assertEquals(302, alone.statusCode(), "a credential cookie without its server-side session is refused");
    }

    @Test
    void aSessionEndsAtItsServerSideLifetimeWhateverTheCookieSays() {
        user("signin-old");
        NewsroomSession session = NewsroomSession.signIn("signin-old", PASSWORD);
        assertEquals(200, session.request().get("/admin/articles").statusCode());
        // As if the lifetime had passed since signing in; the cookies are as fresh as ever.
        QuarkusTransaction.requiringNew().run(() -> sessions.update(
                "expiresAt = ?1 where account.username = ?2", Instant.now().minusSeconds(1), "signin-old"));
        assertEquals(302, session.request().get("/admin/articles").statusCode(), "the expired session is refused");
    }

    @Test
    void aSignInWithoutTheFormsTokenIsRefused() {
        user("signin-csrf");
        Response page = given().get("/login");
        Response login = given().redirects().follow(false).header("X-Forwarded-For", "10.4.0.1").cookies(page.getCookies())
                .formParam("j_username", "signin-csrf").formParam("j_password", PASSWORD).post("/j_security_check");
        assertEquals(302, login.statusCode());
        assertFalse(login.getCookies().containsKey("quarkus-credential"), "no session from a form without its token");
    }

    @Test
    void aSignInWithoutTheCsrfCookieSaysTheFormExpired() {
        user("signin-expired");
        Response login = given().redirects().follow(false).header("X-Forwarded-For", "10.4.0.2")
                .formParam("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")
                .formParam("j_username", "signin-expired").formParam("j_password", PASSWORD).post("/j_security_check");
        assertEquals(303, login.statusCode());
        assertFalse(login.getCookies().containsKey("quarkus-credential"));
        Document page = Jsoup.parse(given().get(login.header("Location")).asString());
        assertTrue(page.selectFirst(".problem").text().contains("expired"), page.selectFirst(".problem").text());
        assertNotNull(page.selectFirst("form[action=/j_security_check] input[name=csrf-token]"), "a fresh form to try again");
    }

    @Test
    void signingOutNeedsTheCsrfToken() {
        user("signin-out-csrf");
        NewsroomSession session = NewsroomSession.signIn("signin-out-csrf", PASSWORD);
        session.page("/admin/articles");
        assertEquals(400, session.request().post("/logout").statusCode());
        assertEquals(200, session.request().get("/admin/articles").statusCode(), "still signed in");
    }

    @Test
    void passwordsAreStoredAsBcryptAndGeneratedOnesAreRandom() {
        assertTrue(accounts.any());
        String a = AccountService.generatePassword();
        String b = AccountService.generatePassword();
        assertNotEquals(a, b);
        assertTrue(a.length() >= 20, a);
        assertTrue(io.quarkus.elytron.security.common.BcryptUtil.matches("x", io.quarkus.elytron.security.common.BcryptUtil.bcryptHash("x")));
    }
}
