package media.icaro.news.newsroom.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ArticlesApiRoundTripIT extends ArticlesApiRoundTripTest {
}
