package media.icaro.news.article;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import media.icaro.news.domain.ContentGeneration;

/**
 * Works out the body summary of articles saved before it was kept (migration V7), once, at start;
 * every save keeps it from then on. Until then such an article is described by its standfirst only.
 */
@ApplicationScoped
class BodySummaries {

    private static final Logger LOG = Logger.getLogger(BodySummaries.class);
    private static final int BATCH = 200;

    private final ArticleRepository articles;
    private final BodyRenderer bodyRenderer;
    private final ContentGeneration generations;

    BodySummaries(ArticleRepository articles, BodyRenderer bodyRenderer, ContentGeneration generations) {
        this.articles = articles;
        this.bodyRenderer = bodyRenderer;
        this.generations = generations;
    }

    void onStart(@Observes StartupEvent event) {
        int filled = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::fillBatch);
            filled += batch;
        } while (batch == BATCH);
        if (filled > 0) {
            // Descriptions changed: no page rendered before this may be served again.
            generations.advance();
            LOG.infof("Worked out the body summary of %d articles saved before summaries were kept", filled);
        }
    }

    private int fillBatch() {
        List<Article> missing = articles.findWithoutBodySummary(BATCH);
        for (Article article : missing) {
            article.bodySummary = bodyRenderer.summary(article.bodyMarkdown);
        }
        return missing.size();
    }
}
