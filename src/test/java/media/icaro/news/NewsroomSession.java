package media.icaro.news;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser-like newsroom session for tests: signs in through the real login form, keeps the
 * session and CSRF cookies, and reads the CSRF token from the page it last loaded.
 */
public final class NewsroomSession {

    /**
     * The first admin of the test profile ({@code %test.news.admin.password} in application.properties),
     * which the packaged jar of the *IT suites runs with too.
     */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final Map<String, String> cookies = new HashMap<>();
    private String csrfToken;

    private NewsroomSession() {
    }

    /** Signs in and checks that it worked. */
    public static NewsroomSession signIn(String username, String password) {
        NewsroomSession session = new NewsroomSession();
        Response login = signInForm(username, password).post("/j_security_check");
        session.keep(login);
        if (login.statusCode() != 302 || !session.cookies.containsKey("quarkus-credential")) {
            throw new AssertionError("Sign-in failed for " + username + ": " + login.statusCode());
        }
        return session;
    }

    /** The sign-in form as a browser posts it: with the CSRF cookie and token of the sign-in page. */
    public static RequestSpecification signInForm(String username, String password) {
        Response page = given().get("/login");
        String token = Jsoup.parse(page.asString()).selectFirst("input[name=csrf-token]").attr("value");
        return given().redirects().follow(false).cookies(page.getCookies()).formParam("csrf-token", token)
                .formParam("j_username", username).formParam("j_password", password);
    }

    /** A request carrying this session's cookies, not following redirects. */
    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    /** GETs a newsroom page, expects 200, remembers its CSRF token and returns it parsed. */
    public Document page(String path) {
        Response response = request().get(path);
        keep(response);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        Document document = Jsoup.parse(response.asString(), "http://localhost" + path);
        var token = document.selectFirst("input[name=csrf-token]");
        if (token != null) {
            csrfToken = token.attr("value");
        }
        return document;
    }

    /** The token of the last page loaded (load a page with a form first). */
    public String csrfToken() {
        if (csrfToken == null) {
            page("/admin/articles/new");
        }
        return csrfToken;
    }

    /** The cookies as they are now, to replay them later as a thief would. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** Keeps the cookies a response sets, and forgets those it expires, as a browser would. */
    public Response keep(Response response) {
        for (var cookie : response.getDetailedCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return response;
    }
}
