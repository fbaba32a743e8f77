package media.icaro.news.transfer;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import media.icaro.news.account.Account;
import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleRedirect;
import media.icaro.news.article.Editor;
import media.icaro.news.article.Revision;
import media.icaro.news.article.WorkingCopy;
import media.icaro.news.author.Author;
import media.icaro.news.front.Front;
import media.icaro.news.front.FrontSlot;
import media.icaro.news.section.Section;
import media.icaro.news.sitepage.SitePage;
import media.icaro.news.tag.Tag;

/**
 * What a site transfer reads and writes across the content tables: whole tables in a stable order for
 * the export, what the empty-site rule asks, and the rows an import replaces and adds.
 */
@ApplicationScoped
class TransferRepository {

    /** An image with its bytes, read without a managed entity so that the session keeps no copy. */
    record ImageRow(long id, Instant createdAt, byte[] data) {
    }

    /**
     * What a site holds beyond its first start's content, which an import may replace.
     *
     * @param articles articles created in the newsroom or through the API (first start creates them as "system")
     * @param revisions saves by anyone else than the system (edits, publishing)
     */
    record WrittenContent(long articles, long revisions, long corrections, long redirects, long images, long pages) {

        boolean isNone() {
            return articles + revisions + corrections + redirects + images + pages == 0;
        }
    }

    private final EntityManager entityManager;

    TransferRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Rows of each record type, in the archive's order of types. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("section", count("select count(s) from Section s"));
        counts.put("author", count("select count(a) from Author a"));
        counts.put("tag", count("select count(t) from Tag t"));
        counts.put("account", count("select count(a) from Account a"));
        counts.put("image", count("select count(i) from Image i"));
        counts.put("article", count("select count(a) from Article a"));
        counts.put("redirect", count("select count(r) from ArticleRedirect r"));
        counts.put("exclusion", ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM article_related_exclusion")
                .getSingleResult()).longValue());
        counts.put("front", count("select count(f) from Front f"));
        counts.put("page", count("select count(p) from SitePage p"));
        return counts;
    }

    long revisionCount() {
        return count("select count(r) from Revision r");
    }

    long correctionCount() {
        return count("select count(c) from Correction c");
    }

    WrittenContent writtenContent() {
        String system = Editor.SYSTEM.username();
        return new WrittenContent(
                entityManager.createQuery("select count(a) from Article a where a.createdBy is null or a.createdBy <> ?1", Long.class)
                        .setParameter(1, system).getSingleResult(),
                entityManager.createQuery("select count(r) from Revision r where r.revisedBy <> ?1", Long.class)
                        .setParameter(1, system).getSingleResult(),
                correctionCount(), count("select count(r) from ArticleRedirect r"), count("select count(i) from Image i"),
                entityManager.createQuery("select count(p) from SitePage p where p.updatedBy <> ?1", Long.class)
                        .setParameter(1, system).getSingleResult());
    }

    /**
     * Deletes every article, with its revisions, corrections, links and old addresses, and every
     * image, section, author and tag; accounts and sessions stay. Only an import does this, inside its
     * transaction, to an empty site.
     */
    void deleteContent() {
        for (String table : List.of("site_page", "front_slot", "front", "article_related_exclusion", "article_redirect",
                "correction", "article_revision", "article_related_pin", "article_tag", "article_byline", "article",
                "image_rendition", "image", "tag", "author", "section")) {
            entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
    }

    List<Front> fronts() {
        return entityManager.createQuery("from Front f order by f.name", Front.class).getResultList();
    }

    List<FrontSlot> frontSlots() {
        return entityManager.createQuery("from FrontSlot s order by s.frontName, s.block, s.number", FrontSlot.class)
                .getResultList();
    }

    /** Rows of (article id, excluded id, excluded at, excluded by). */
    @SuppressWarnings("unchecked")
    List<Object[]> exclusions() {
        return entityManager.createNativeQuery("SELECT article_id, excluded_id, excluded_at, excluded_by FROM article_related_exclusion"
                + " ORDER BY article_id, excluded_id").unwrap(org.hibernate.query.NativeQuery.class)
                .addScalar("article_id", org.hibernate.type.StandardBasicTypes.LONG)
                .addScalar("excluded_id", org.hibernate.type.StandardBasicTypes.LONG)
                .addScalar("excluded_at", org.hibernate.type.StandardBasicTypes.INSTANT)
                .addScalar("excluded_by", org.hibernate.type.StandardBasicTypes.STRING).getResultList();
    }

    void addExclusion(long article, long excluded, Instant at, String by) {
        entityManager.createNativeQuery("INSERT INTO article_related_exclusion (article_id, excluded_id, excluded_at, excluded_by)"
                + " VALUES (?1, ?2, ?3, ?4)").setParameter(1, article).setParameter(2, excluded).setParameter(3, at)
                .setParameter(4, by).executeUpdate();
    }

    List<SitePage> sitePages() {
        return entityManager.createQuery("from SitePage p order by p.position, p.id", SitePage.class).getResultList();
    }

    List<Section> sections() {
        return entityManager.createQuery("from Section s order by s.position, s.id", Section.class).getResultList();
    }

    List<Author> authors() {
        return entityManager.createQuery("from Author a order by a.id", Author.class).getResultList();
    }

    List<Tag> tags() {
        return entityManager.createQuery("from Tag t order by t.id", Tag.class).getResultList();
    }

    List<Account> accounts() {
        return entityManager.createQuery("from Account a order by a.id", Account.class).getResultList();
    }

    List<Long> imageIds() {
        return entityManager.createQuery("select i.id from Image i order by i.id", Long.class).getResultList();
    }

    Optional<ImageRow> image(long id) {
        return entityManager.createQuery("select new " + ImageRow.class.getName() + "(i.id, i.createdAt, i.data)"
                + " from Image i where i.id = ?1", ImageRow.class).setParameter(1, id).getResultStream().findFirst();
    }

    /** The next articles by id after {@code afterId}, with their sections. */
    List<Article> articlesAfter(long afterId, int limit) {
        return entityManager.createQuery("from Article a join fetch a.section where a.id > ?1 order by a.id", Article.class)
                .setParameter(1, afterId).setMaxResults(limit).getResultList();
    }

    /** These articles' revisions, oldest first. */
    List<Revision> revisionsOf(Collection<Long> articleIds) {
        return entityManager.createQuery("from Revision r where r.articleId in ?1 order by r.articleId, r.revisedAt, r.id",
                Revision.class).setParameter(1, articleIds).getResultList();
    }

    List<WorkingCopy> workingCopiesOf(Collection<Long> articleIds) {
        return entityManager.createQuery("from WorkingCopy w where w.articleId in ?1", WorkingCopy.class)
                .setParameter(1, articleIds).getResultList();
    }

    List<ArticleRedirect> redirects() {
        return entityManager.createQuery("from ArticleRedirect r order by r.articleId, r.oldPath", ArticleRedirect.class)
                .getResultList();
    }

    /** Pins a related story to an article, at a place in its list (0 first), without loading the article. */
    void addPin(long articleId, int position, long pinnedId) {
        entityManager.createNativeQuery("INSERT INTO article_related_pin (article_id, pin_position, pinned_id) VALUES (?1, ?2, ?3)")
                .setParameter(1, articleId).setParameter(2, position).setParameter(3, pinnedId).executeUpdate();
    }

    void persist(Object entity) {
        entityManager.persist(entity);
    }

    /** A reference to a row by id, without reading it. */
    <T> T reference(Class<T> type, long id) {
        return entityManager.getReference(type, id);
    }

    <T> T find(Class<T> type, long id) {
        return entityManager.find(type, id);
    }

    /** Writes what is pending and lets go of every loaded entity: a large import or export holds one batch at a time. */
    void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }

    /** Lets go of every loaded entity (reading only). */
    void clear() {
        entityManager.clear();
    }

    private long count(String query) {
        return entityManager.createQuery(query, Long.class).getSingleResult();
    }
}
