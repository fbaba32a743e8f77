package media.icaro.news.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;

/**
 * A username that no account can have is refused before any query: PostgreSQL answers an error
 * (and the site a 500) to a NUL in a query, and the form and the Basic header both carry whatever
 * a client sends.
 */
@QuarkusTest
class UsernameCharactersTest {

    static final List<String> IMPOSSIBLE = List.of("admin\u0000", "ad\u0000min", "adm\u000Bin", "\u202Eadmin", "admin\u0007x");

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void theSignInFormRefusesThemWithoutAQuery() {
        for (String username : IMPOSSIBLE) {
            // The form as a browser posts it, with the sign-in page's CSRF token, fetched before counting.
            var form = NewsroomSession.signInForm(username, "test-admin-password").header("X-Forwarded-For", "10.7.0.1");
            long statements = fewestStatements(() -> form.post("/j_security_check"), 302);
            assertEquals(0, statements, "statements for " + username.codePoints().boxed().toList());
        }
        assertTrue(given().redirects().follow(false).header("X-Forwarded-For", "10.7.0.1").get("/login?error=true")
                .then().statusCode(200).extract().asString().contains("Wrong username or password"));
    }

    @Test
    void basicSignInRefusesThemWithoutAQuery() {
        for (String username : IMPOSSIBLE) {
            long statements = fewestStatements(() -> given().redirects().follow(false).header("X-Forwarded-For", "10.7.0.2")
                    .auth().preemptive().basic(username, "test-admin-password").get("/api/v1/articles"), 401);
            assertEquals(0, statements, "statements for " + username.codePoints().boxed().toList());
        }
    }

    /** The count is global, and the scheduled publisher queries every 30 seconds, so the fewest of three tries is the request's own. */
    private long fewestStatements(Supplier<Response> request, int status) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statistics.getPrepareStatementCount();
            assertEquals(status, request.get().statusCode());
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }
}
