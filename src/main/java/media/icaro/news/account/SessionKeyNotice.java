package media.icaro.news.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Without a configured session key, Quarkus makes a random one at each start (and would log it:
 * application.properties silences that line). Say what that means, without the key.
 */
@ApplicationScoped
class SessionKeyNotice {

    private static final Logger LOG = Logger.getLogger(SessionKeyNotice.class);

    private final Optional<String> key;

    SessionKeyNotice(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key) {
        this.key = key;
    }

    void onStart(@Observes StartupEvent event) {
        if (key.filter(k -> !k.isBlank()).isEmpty()) {
            LOG.info("No session key is set, so a random one is used: newsroom sessions end when the app restarts."
                    + " Set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY (32 random bytes or more, the same on every"
                    + " instance) to keep them.");
        }
    }
}
