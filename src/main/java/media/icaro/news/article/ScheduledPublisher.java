package media.icaro.news.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/** Publishes scheduled articles on time; at start, it publishes what came due while the site was down. */
@ApplicationScoped
class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);

    private final EditorialService editorial;

    ScheduledPublisher(EditorialService editorial) {
        this.editorial = editorial;
    }

    void atStart(@Observes StartupEvent event) {
        run();
    }

    @Scheduled(every = "${news.scheduler.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            int published = editorial.publishDue();
            if (published > 0) {
                LOG.infof("Published %d scheduled article(s)", published);
            }
        } catch (RuntimeException e) {
            // Another instance published the same article first (optimistic lock); the next run settles it.
            LOG.warn("Scheduled publishing failed: " + e.getMessage());
        }
    }
}
