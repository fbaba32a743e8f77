package media.icaro.news.popular;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Most read shared every half second, as it runs on a site (every minute there): for tests of what
 * readers see without anyone asking. On H2 in a database of its own, so that its list shows on no
 * page of the other tests; on PostgreSQL in the suite's, which only it ranks.
 */
public class QuickMostRead implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> settings = new HashMap<>(Map.of("news.most-read.every", "0.5s"));
        if (!System.getProperty("quarkus.test.profile", "").matches(".*\\bpg\\b.*")) {
            settings.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:most-read;DB_CLOSE_DELAY=-1");
        }
        return settings;
    }
}
