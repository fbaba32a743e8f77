package media.icaro.news.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A forged Host header never ends up in a redirect, where it would send the reader to another site. */
@QuarkusTest
class HostHeaderTest {

    @Test
    void theRedirectToSignInIgnoresTheHostHeader() {
        Response response = given().redirects().follow(false).header("Host", "evil.example").get("/admin/articles");
        assertEquals(302, response.statusCode());
        String location = response.header("Location");
        assertFalse(location.contains("evil.example"), location);
        assertTrue(location.endsWith("/login"), location);
    }

    @Test
    void aWrongSectionAddressRedirectsWithinTheSite() {
        String seed = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";
        String location = given().redirects().follow(false).header("Host", "evil.example")
                .get(seed.replace("/politics/", "/world/"))
                .then().statusCode(301).extract().header("Location");
        assertEquals(seed, location);
    }

    @Test
    void metricsAreNotPublic() {
        assertEquals(401, given().get("/q/metrics").statusCode());
        assertEquals(200, given().auth().preemptive().basic("admin", "test-admin-password").get("/q/metrics").statusCode());
    }
}
