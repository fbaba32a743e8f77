package media.icaro.news.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A forged Host header never reaches a redirect's Location. */
@QuarkusTest
class RelativeRedirectsTest {

    static final String SEED = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";

    @Test
    void aWrongSectionAddressRedirectsWithinTheSite() {
        String location = given().redirects().follow(false).header("Host", "evil.example")
                .get(SEED.replace("/politics/", "/world/"))
                .then().statusCode(301).extract().header("Location");
        assertEquals(SEED, location);
    }

    @Test
    void theSignInRedirectStaysOnTheSite() {
        String location = given().redirects().follow(false).header("Host", "evil.example")
                .get("/admin/articles")
                .then().statusCode(302).extract().header("Location");
        assertEquals("/login", location);
    }
}
