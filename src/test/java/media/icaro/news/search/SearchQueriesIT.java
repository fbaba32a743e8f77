package media.icaro.news.search;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SearchQueriesIT extends SearchQueriesTest {
}
