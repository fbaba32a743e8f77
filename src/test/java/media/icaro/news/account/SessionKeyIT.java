package media.icaro.news.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

import media.icaro.news.NewsroomSession;

/** The packaged jar, started without a session key, makes one and keeps it out of its log. */
@QuarkusIntegrationTest
class SessionKeyIT {

    @Test
    void aGeneratedSessionKeyWorksAndIsNeverLogged() throws IOException {
        NewsroomSession admin = NewsroomSession.signIn("admin", "test-admin-password");
        assertEquals(200, admin.request().get("/admin/articles").statusCode(), "sessions work with the generated key");
        String log = Files.readString(Path.of("target/quarkus.log"));
        assertTrue(log.contains("Installed features"), "this is the jar's log");
        assertFalse(log.contains("temporary key"), "the generated key is not logged");
        assertTrue(log.contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), "the log says how to keep sessions across restarts");
    }
}
