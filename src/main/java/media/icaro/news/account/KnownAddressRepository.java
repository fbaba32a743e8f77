package media.icaro.news.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class KnownAddressRepository implements PanacheRepository<KnownAddress> {

    public Optional<KnownAddress> find(String username, String address) {
        return find("username = ?1 and address = ?2", username, address).firstResultOptional();
    }

    public boolean isKnownSince(String username, String address, Instant since) {
        return count("username = ?1 and address = ?2 and signedInAt > ?3", username, address, since) > 0;
    }

    public long deleteOlderThan(Instant before) {
        return delete("signedInAt < ?1", before);
    }
}
