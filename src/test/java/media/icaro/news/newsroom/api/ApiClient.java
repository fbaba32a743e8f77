package media.icaro.news.newsroom.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;

/** The API's test accounts, requests signed in as them, and checks of the API's answers. */
@ApplicationScoped
public class ApiClient {

    static final String EDITOR = "api-editor";
    static final String ADMIN = "api-admin";
    static final String CONTRIBUTOR = "api-contributor";
    static final String PASSWORD = "api-test-password-1";

    @Inject
    AccountService accounts;

    /** Creates the accounts the first time any API test runs; the app and its database are shared. */
    public void ensureAccounts() {
        ensure(EDITOR, Account.Role.EDITOR);
        ensure(ADMIN, Account.Role.ADMIN);
        ensure(CONTRIBUTOR, Account.Role.CONTRIBUTOR);
    }

    private void ensure(String username, Account.Role role) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, "API " + role.label(), role, PASSWORD);
        }
    }

    /** A JSON request with this user's Basic credentials, sent without waiting for a challenge. */
    public static RequestSpecification as(String username) {
        return given().redirects().follow(false).auth().preemptive().basic(username, PASSWORD).contentType(ContentType.JSON);
    }

    /** The smallest valid article: a headline, a body and a section. */
    static Map<String, Object> article(String section, String headline) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("headline", headline);
        article.put("body", "Body of *" + headline + "*.");
        article.put("section", section);
        return article;
    }

    /** Checks an error answer: its status, JSON, and exactly these fields (null for a non-field error), each with a message. */
    public static void assertErrors(Response response, int status, String... fields) {
        response.then().statusCode(status).contentType(ContentType.JSON);
        List<String> got = new ArrayList<>(response.jsonPath().getList("errors.field"));
        List<String> expected = new ArrayList<>(Arrays.asList(fields));
        got.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
        expected.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
        assertEquals(expected, got, response.asString());
        for (String message : response.jsonPath().<String>getList("errors.message")) {
            assertFalse(message == null || message.isBlank(), response.asString());
        }
    }
}
