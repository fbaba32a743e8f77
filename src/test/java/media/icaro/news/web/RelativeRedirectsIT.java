package media.icaro.news.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class RelativeRedirectsIT extends RelativeRedirectsTest {
}
