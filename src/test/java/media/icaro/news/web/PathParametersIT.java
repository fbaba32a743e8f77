package media.icaro.news.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PathParametersIT extends PathParametersTest {
}
