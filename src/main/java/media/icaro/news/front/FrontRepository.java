package media.icaro.news.front;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Fronts and their slots; a front never saved has no row, and all its slots are automatic. */
@ApplicationScoped
public class FrontRepository {

    private final EntityManager em;

    FrontRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Front> find(String name) {
        return Optional.ofNullable(em.find(Front.class, name));
    }

    public List<Front> listAll() {
        return em.createQuery("from Front f order by f.name", Front.class).getResultList();
    }

    /** Every slot of every front: a few dozen rows however large the archive. */
    public List<FrontSlot> listAllSlots() {
        return em.createQuery("from FrontSlot s order by s.frontName, s.block, s.number", FrontSlot.class).getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    /**
     * Moves a saved front from {@code expected} to the next version; false when it is no longer at
     * {@code expected} (someone saved it meanwhile), and nothing changed.
     */
    public boolean advance(String name, long expected, Instant at, String by) {
        return em.createQuery("update Front f set f.version = f.version + 1, f.updatedAt = :at, f.updatedBy = :by"
                + " where f.name = :name and f.version = :expected")
                .setParameter("at", at).setParameter("by", by).setParameter("name", name).setParameter("expected", expected)
                .executeUpdate() == 1;
    }

    public void deleteSlots(String name) {
        em.createQuery("delete from FrontSlot s where s.frontName = :name").setParameter("name", name).executeUpdate();
    }

    /** Makes the inserts so far reach the database now, so that a racing first save fails here. */
    public void flush() {
        em.flush();
    }
}
