package media.icaro.news.site;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import media.icaro.news.domain.DatabaseFailures;
import media.icaro.news.section.SectionRepository;

/**
 * Ready only while the site's tables answer a query. A connection that opens is not enough: H2
 * closed after a failure leaves connections that look valid, and a lost data file opens as an
 * empty database.
 */
@Readiness
@ApplicationScoped
class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class);
    static final String NAME = "Site database answers queries";

    private final SectionRepository sections;

    DatabaseReadiness(SectionRepository sections) {
        this.sections = sections;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            QuarkusTransaction.requiringNew().call(sections::count);
            return HealthCheckResponse.up(NAME);
        } catch (RuntimeException e) {
            DatabaseFailures.note(e);
            LOG.warn("Not ready: the database does not answer: " + e.getMessage());
            return HealthCheckResponse.down(NAME);
        }
    }
}
