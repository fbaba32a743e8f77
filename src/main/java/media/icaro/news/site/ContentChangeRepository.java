package media.icaro.news.site;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ContentChangeRepository implements PanacheRepository<ContentChange> {

    /** The changes after {@code id}, in the order they were numbered (not necessarily committed). */
    public List<ContentChange> after(long id) {
        return list("id > ?1 order by id", id);
    }

    /** The newest change's number, or 0. */
    public long lastId() {
        Long last = getEntityManager().createQuery("select max(c.id) from ContentChange c", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    public long deleteOlderThan(Instant before) {
        return delete("changedAt < ?1", before);
    }
}
