package media.icaro.news.home;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class FrontPageIT extends FrontPageTest {
}
