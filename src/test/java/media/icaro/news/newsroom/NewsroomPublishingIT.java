package media.icaro.news.newsroom;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class NewsroomPublishingIT extends NewsroomPublishingTest {
}
