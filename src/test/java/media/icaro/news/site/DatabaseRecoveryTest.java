package media.icaro.news.site;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import media.icaro.news.TestContent;

/**
 * H2 closed under the running site, as it closes itself after a failed write or an out-of-memory
 * error: readiness says DOWN while the site's tables cannot be read, and once they can, pages work
 * again without a restart, on new connections instead of the dead pooled ones.
 */
@QuarkusTest
@DisabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*",
        disabledReason = "H2 file recovery; site/DatabaseOutageIT covers PostgreSQL")
@TestProfile(DatabaseRecoveryTest.FileDatabase.class)
class DatabaseRecoveryTest {

    static final Path DATA = Path.of("target", "database-recovery", UUID.randomUUID().toString()).toAbsolutePath();

    public static class FileDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + DATA.resolve("news"),
                    "site.demo-content", "false");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void readinessFollowsTheDatabaseAndPagesRecoverWithoutRestart() throws Exception {
        assertEquals(200, given().get("/q/health/ready").statusCode());
        TestContent.page("/politics");

        // The data file gone (a volume lost under the site): H2 opens an empty database in its place.
        closeTheDatabase();
        Path file = DATA.resolve("news.mv.db");
        Path away = DATA.resolve("news.mv.db.away");
        Files.move(file, away);
        assertEquals(503, given().get("/q/health/ready").statusCode(), "readiness while the site's tables are missing");

        closeTheDatabase();
        Files.deleteIfExists(file);
        Files.move(away, file);
        assertEquals(200, given().get("/q/health/ready").statusCode(), "readiness once the database is back");
        TestContent.page("/politics");
        TestContent.page("/");
    }

    /** What H2 does to itself on a failed write: the files close and every open connection is dead. */
    private void closeTheDatabase() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // The connection that shuts the database down fails with it.
        }
    }
}
