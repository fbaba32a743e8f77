package media.icaro.news.newsroom;

import static io.restassured.RestAssured.given;
import static media.icaro.news.newsroom.FormAssertions.assertEmptyPassword;
import static media.icaro.news.newsroom.FormAssertions.assertFieldError;
import static media.icaro.news.newsroom.FormAssertions.assertOnlyErrors;
import static media.icaro.news.newsroom.FormAssertions.assertSentToSignIn;
import static media.icaro.news.newsroom.FormAssertions.rejected;
import static media.icaro.news.newsroom.FormAssertions.seeOther;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.account.Account;

/** The admin's user pages, through HTTP as a browser uses them, and what they change for the users. */
@QuarkusTest
class UserDeskTest {

    @Inject
    DeskAccounts accounts;

    private NewsroomSession admin;

    @BeforeEach
    void signIn() {
        admin = NewsroomSession.signIn(DeskAccounts.ADMIN, DeskAccounts.ADMIN_PASSWORD);
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndTheirPostsChangeNothing() {
        String user = accounts.create("users-out", Account.Role.CONTRIBUTOR);
        String newcomer = DeskAccounts.unique("users-out-new");

        for (String path : List.of("/admin/users", "/admin/users/" + user)) {
            Response get = given().redirects().follow(false).get(path);
            assertEquals(302, get.statusCode(), path);
            assertTrue(get.header("Location").endsWith("/login"), get.header("Location"));
        }
        assertSentToSignIn(given().redirects().follow(false).formParam("username", newcomer)
                .formParam("displayName", "Out").formParam("role", "ADMIN").formParam("password", "long-enough-password")
                .post("/admin/users"));
        assertSentToSignIn(given().redirects().follow(false).formParam("role", "ADMIN").formParam("enabled", "on")
                .post("/admin/users/" + user));
        assertSentToSignIn(given().redirects().follow(false).formParam("password", "taken-over-password")
                .post("/admin/users/" + user + "/password"));

        assertTrue(!accounts.exists(newcomer), "not created");
        assertEquals(Account.Role.CONTRIBUTOR, accounts.role(user), "not promoted");
        NewsroomSession.signIn(user, DeskAccounts.PASSWORD);
    }

    @Test
    void contributorsAndEditorsAreForbidden() {
        String target = accounts.create("users-target", Account.Role.CONTRIBUTOR);
        for (Account.Role role : List.of(Account.Role.CONTRIBUTOR, Account.Role.EDITOR)) {
            String username = accounts.create("users-" + role.name().toLowerCase(), role);
            NewsroomSession session = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
            assertNull(session.page("/admin/articles").selectFirst(".newsroom-nav a[href=/admin/users]"),
                    "no Users link for a " + role);
            assertEquals(403, session.request().get("/admin/users").statusCode(), role.name());
            assertEquals(403, session.request().get("/admin/users/" + target).statusCode(), role.name());
            assertEquals(403, session.request().get("/admin/users/" + username).statusCode(), "not even their own");

            String token = session.csrfToken();
            String newcomer = DeskAccounts.unique("users-forbidden");
            assertEquals(403, session.request().formParam("csrf-token", token).formParam("username", newcomer)
                    .formParam("displayName", "Forbidden").formParam("role", "ADMIN")
                    .formParam("password", "long-enough-password").post("/admin/users").statusCode(), role.name());
            assertEquals(403, session.request().formParam("csrf-token", token).formParam("role", "ADMIN")
                    .formParam("enabled", "on").post("/admin/users/" + username).statusCode(), "no self-promotion");
            assertEquals(403, session.request().formParam("csrf-token", token).formParam("role", "CONTRIBUTOR")
                    .post("/admin/users/" + target).statusCode(), role.name());
            assertEquals(403, session.request().formParam("csrf-token", token).formParam("password", "taken-over-password")
                    .post("/admin/users/" + target + "/password").statusCode(), role.name());

            assertTrue(!accounts.exists(newcomer), "not created by a " + role);
            assertEquals(role, accounts.role(username), "not promoted");
            assertTrue(accounts.enabled(target), "not disabled by a " + role);
        }
        NewsroomSession.signIn(target, DeskAccounts.PASSWORD);
    }

    @Test
    void listsAccountsWithNameRoleAccessAndCreation() {
        String editor = accounts.create("users-listed", Account.Role.EDITOR);
        Document page = admin.page("/admin/users");
        assertNotNull(page.selectFirst(".newsroom-nav a[href=/admin/users]"), "admins see the Users link");

        Element row = row(page, editor);
        assertEquals("Adm users-listed Editor", row.child(1).text());
        assertEquals("Editor", row.child(2).text());
        assertEquals("Enabled", row.child(3).text());
        OffsetDateTime.parse(row.child(4).selectFirst("time").attr("datetime"));
        assertEquals("Admin", row(page, DeskAccounts.ADMIN).child(2).text());
        String wholeSeconds = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}";
        String listed = row.child(4).selectFirst("time").attr("datetime");
        assertTrue(listed.matches(wholeSeconds), "whole seconds with the offset: " + listed);
        String shown = admin.page("/admin/users/" + editor).selectFirst("time").attr("datetime");
        assertTrue(shown.matches(wholeSeconds), "whole seconds with the offset: " + shown);
    }

    @Test
    void createsAnAccountThatCanSignInWithItsRole() {
        String username = DeskAccounts.unique("users-created");
        Response created = post("/admin/users", "username", username, "displayName", "Adm Created Editor",
                "role", "EDITOR", "password", "a-created-password");

        Document page = admin.page(seeOther(created, "/admin/users/" + username + "?done=created"));
        assertTrue(page.selectFirst(".notice").text().startsWith("Account created."));
        assertEquals("Adm Created Editor (" + username + ")", page.selectFirst("h1").text());
        assertEquals("EDITOR", page.selectFirst("input[name=role][checked]").val());
        assertNotNull(page.selectFirst("input[name=enabled][checked]"));
        assertNotNull(row(admin.page("/admin/users"), username));

        NewsroomSession user = NewsroomSession.signIn(username, "a-created-password");
        assertNotNull(user.page("/admin/articles/new").selectFirst("button[value=publish]"), "an editor can publish");
    }

    @Test
    void aTakenUsernameAndAShortPasswordComeBackBesideTheirFieldsWithTheTypedValues() {
        Document page = rejected(post("/admin/users", "username", DeskAccounts.ADMIN, "displayName", "Adm Second Admin",
                "role", "EDITOR", "password", "short"));
        assertFieldError(page, "username", "That username is taken");
        assertFieldError(page, "password", "Use at least 12 characters");
        assertOnlyErrors(page, "username", "password");
        assertEquals(DeskAccounts.ADMIN, page.getElementById("username").val());
        assertEquals("Adm Second Admin", page.getElementById("displayName").val());
        assertEquals("EDITOR", page.selectFirst("input[name=role][checked]").val());
        assertEmptyPassword(page, "password");
        assertTrue(page.selectFirst(".error-summary").text().contains("The account was not created"));
        assertEquals(Account.Role.ADMIN, accounts.role(DeskAccounts.ADMIN), "the existing account is untouched");

        String username = DeskAccounts.unique("users-short");
        Document shortPassword = rejected(post("/admin/users", "username", username, "displayName", "Adm Short",
                "role", "CONTRIBUTOR", "password", "elevenchars"));
        assertFieldError(shortPassword, "password", "Use at least 12 characters");
        assertOnlyErrors(shortPassword, "password");
        assertEquals(username, shortPassword.getElementById("username").val());
        assertTrue(!accounts.exists(username), "not created");
    }

    @Test
    void aBadUsernameMissingNameAndMissingRoleAreAllReported() {
        Document page = rejected(post("/admin/users", "username", "Adm Bad Name!", "displayName", " ",
                "role", "", "password", "long-enough-password"));
        assertFieldError(page, "username", "Use 2 to 80 lower-case letters");
        assertFieldError(page, "displayName", "Give the name shown in the newsroom");
        assertFieldError(page, "role", "Choose a role");
        assertOnlyErrors(page, "username", "displayName", "role");
        assertEquals("Adm Bad Name!", page.getElementById("username").val());
        assertNull(page.selectFirst("input[name=role][checked]"));
    }

    @Test
    void withoutTheCsrfTokenNothingIsCreatedOrChanged() {
        String user = accounts.create("users-csrf", Account.Role.CONTRIBUTOR);
        String newcomer = DeskAccounts.unique("users-csrf-new");
        admin.page("/admin/users");
        assertEquals(400, admin.request().formParam("username", newcomer).formParam("displayName", "No Token")
                .formParam("role", "ADMIN").formParam("password", "long-enough-password").post("/admin/users").statusCode());
        assertEquals(400, admin.request().formParam("role", "ADMIN").formParam("enabled", "on")
                .post("/admin/users/" + user).statusCode());
        assertEquals(400, admin.request().formParam("role", "CONTRIBUTOR")
                .post("/admin/users/" + user).statusCode());
        assertEquals(400, admin.request().formParam("password", "taken-over-password")
                .post("/admin/users/" + user + "/password").statusCode());

        assertTrue(!accounts.exists(newcomer), "not created");
        assertEquals(Account.Role.CONTRIBUTOR, accounts.role(user), "not promoted");
        assertTrue(accounts.enabled(user), "not disabled");
        NewsroomSession.signIn(user, DeskAccounts.PASSWORD);
    }

    @Test
    void aNewRoleAppliesFromTheUsersNextPage() {
        String username = accounts.create("users-promoted", Account.Role.CONTRIBUTOR);
        NewsroomSession user = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
        assertNull(user.page("/admin/articles/new").selectFirst("button[value=publish]"), "a contributor cannot publish");

        Response saved = post("/admin/users/" + username, "role", "EDITOR", "enabled", "on");
        Document page = admin.page(seeOther(saved, "/admin/users/" + username + "?done=saved"));
        assertTrue(page.selectFirst(".notice").text().startsWith("Saved"));
        assertEquals("EDITOR", page.selectFirst("input[name=role][checked]").val());
        assertEquals(Account.Role.EDITOR, accounts.role(username));

        assertNotNull(user.page("/admin/articles/new").selectFirst("button[value=publish]"), "now an editor");
    }

    @Test
    void aDisabledUserCannotSignInAndTheirOpenSessionIsRefused() {
        String username = accounts.create("users-disabled", Account.Role.EDITOR);
        NewsroomSession user = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
        user.page("/admin/articles");

        Response saved = post("/admin/users/" + username, "role", "EDITOR");
        Document page = admin.page(seeOther(saved, "/admin/users/" + username + "?done=saved"));
        assertNull(page.selectFirst("input[name=enabled][checked]"));
        assertTrue(page.selectFirst(".account-facts").text().contains("Disabled: cannot sign in"));
        assertEquals("Disabled", row(admin.page("/admin/users"), username).child(3).text());

        Response next = user.request().get("/admin/articles");
        assertEquals(302, next.statusCode(), "the open session is refused on its next request");
        assertTrue(next.header("Location").endsWith("/login"), next.header("Location"));
        accounts.assertSignInRefused(username, DeskAccounts.PASSWORD);

        seeOther(post("/admin/users/" + username, "role", "EDITOR", "enabled", "on"),
                "/admin/users/" + username + "?done=saved");
        NewsroomSession.signIn(username, DeskAccounts.PASSWORD).page("/admin/articles");
    }

    @Test
    void anAdminCannotDemoteOrDisableThemself() {
        String boss = accounts.create("users-self", Account.Role.ADMIN);
        NewsroomSession self = NewsroomSession.signIn(boss, DeskAccounts.PASSWORD);
        assertNotNull(self.page("/admin/users/" + boss).getElementById("self-hint"), "the page says so beforehand");

        Document demoted = rejected(post(self, "/admin/users/" + boss, "role", "EDITOR", "enabled", "on"));
        assertFieldError(demoted, "role", "You cannot remove your own admin role or disable yourself");
        assertOnlyErrors(demoted, "role");
        assertEquals("EDITOR", demoted.selectFirst("input[name=role][checked]").val(), "the typed choice is kept");

        Document disabled = rejected(post(self, "/admin/users/" + boss, "role", "ADMIN"));
        assertFieldError(disabled, "role", "You cannot remove your own admin role or disable yourself");
        assertNull(disabled.selectFirst("input[name=enabled][checked]"), "the typed choice is kept");

        assertEquals(Account.Role.ADMIN, accounts.role(boss));
        assertTrue(accounts.enabled(boss));
        assertEquals(200, self.request().get("/admin/users").statusCode(), "still an admin");

        seeOther(post("/admin/users/" + boss, "role", "EDITOR", "enabled", "on"), "/admin/users/" + boss + "?done=saved");
        assertEquals(Account.Role.EDITOR, accounts.role(boss), "another admin can");
    }

    @Test
    void aResetPasswordSignsInAndTheOldOneNoLonger() {
        String username = accounts.create("users-reset", Account.Role.CONTRIBUTOR);
        Response reset = post("/admin/users/" + username + "/password", "password", "a-reset-password");
        Document page = admin.page(seeOther(reset, "/admin/users/" + username + "?done=reset"));
        assertTrue(page.selectFirst(".notice").text().startsWith("Password reset."));

        NewsroomSession.signIn(username, "a-reset-password").page("/admin/articles");
        accounts.assertSignInRefused(username, DeskAccounts.PASSWORD);
    }

    @Test
    void aShortResetPasswordComesBackBesideThePassword() {
        String username = accounts.create("users-reset-short", Account.Role.CONTRIBUTOR);
        Document page = rejected(post("/admin/users/" + username + "/password", "password", "elevenchars"));
        assertFieldError(page, "password", "Use at least 12 characters");
        assertOnlyErrors(page, "password");
        assertEmptyPassword(page, "password");
        assertEquals("CONTRIBUTOR", page.selectFirst("input[name=role][checked]").val(), "the role form shows the account");
        NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
    }

    @Test
    void unknownUsersAreNotFound() {
        String nobody = DeskAccounts.unique("users-nobody");
        assertEquals(404, admin.request().get("/admin/users/" + nobody).statusCode());
        assertEquals(404, post("/admin/users/" + nobody, "role", "EDITOR", "enabled", "on").statusCode());
        assertEquals(404, post("/admin/users/" + nobody + "/password", "password", "long-enough-password").statusCode());
        assertTrue(!accounts.exists(nobody));
    }

    private Response post(String path, String... fields) {
        return post(admin, path, fields);
    }

    /** POSTs a form in a session, with the CSRF token of the users page. */
    private static Response post(NewsroomSession session, String path, String... fields) {
        session.page("/admin/users");
        var request = session.request().formParam("csrf-token", session.csrfToken());
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return session.keep(request.post(path));
    }

    private static Element row(Document page, String username) {
        Element link = page.selectFirst(".desk-table tbody td a[href=/admin/users/" + username + "]");
        assertNotNull(link, "a row for " + username);
        return link.closest("tr");
    }
}
