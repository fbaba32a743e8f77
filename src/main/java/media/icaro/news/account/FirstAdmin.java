package media.icaro.news.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the first admin when there is no account: NEWS_ADMIN_USER (default "admin") with
 * NEWS_ADMIN_PASSWORD, or with a generated password printed once in the log. There is no default
 * password.
 */
@ApplicationScoped
class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final String username;
    private final Optional<String> password;

    FirstAdmin(AccountService accounts, @ConfigProperty(name = "news.admin.user", defaultValue = "admin") String username,
            @ConfigProperty(name = "news.admin.password") Optional<String> password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            accounts.createFirstAdmin(username, password).ifPresentOrElse(
                    generated -> LOG.warnf("%n%n  First admin created. Sign in at /login as '%s' with the password%n%n      %s%n%n"
                            + "  It is shown this once; change it under /admin/account.%n", username, generated),
                    () -> {
                    });
        } catch (RuntimeException e) {
            // Another instance sharing the database created it first.
            LOG.warn("The first admin was not created: " + e.getMessage());
        }
    }
}
