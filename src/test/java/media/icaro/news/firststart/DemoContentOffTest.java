package media.icaro.news.firststart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import media.icaro.news.TestContent;

/** With demo content switched off, first start writes the seed story alone. */
@QuarkusTest
@DisabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*",
        disabledReason = "a first start needs an empty database: H2 in memory gives each profile its own")
@TestProfile(DemoContentOffTest.DemoOff.class)
class DemoContentOffTest {

    public static class DemoOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("site.demo-content", "false",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:demo-off;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void onlyTheSeedIsPublished() {
        Document politics = TestContent.page("/politics");
        List<String> headlines = politics.select(".card-headline a, .lead-headline a").eachText();
        assertEquals(List.of("Russia's Putin Arrives in North Korea for Summit with Kim Jong Un"), headlines);
        Document front = TestContent.page("/");
        assertEquals(0, front.select(".top-stories .card").size());
        assertEquals(6, front.select("header nav a").size(), "the sections are there all the same");
    }
}
