package media.icaro.news.media;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ImageRepository implements PanacheRepository<Image> {

    public boolean exists(long id) {
        return count("id", id) > 0;
    }

    /** The bytes without a managed entity, so Hibernate keeps no second copy to check for changes. */
    public Optional<StoredImage> findStored(long id) {
        return getEntityManager()
                .createQuery("select new media.icaro.news.media.StoredImage(i.id, i.contentType, i.data) from Image i where i.id = ?1",
                        StoredImage.class)
                .setParameter(1, id).getResultStream().findFirst();
    }
}
