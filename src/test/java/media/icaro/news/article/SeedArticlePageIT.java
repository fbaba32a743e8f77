package media.icaro.news.article;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SeedArticlePageIT extends SeedArticlePageTest {
}
