package media.icaro.news.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import media.icaro.news.account.Account;
import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleRedirect;
import media.icaro.news.article.Revision;
import media.icaro.news.article.WorkingCopy;
import media.icaro.news.author.Author;
import media.icaro.news.front.Front;
import media.icaro.news.front.FrontSlot;
import media.icaro.news.section.Section;
import media.icaro.news.sitepage.SitePage;
import media.icaro.news.site.SiteConfig;
import media.icaro.news.tag.Tag;
import media.icaro.news.transfer.SiteArchive.ArticleLine;
import media.icaro.news.transfer.SiteArchive.AuthorLine;
import media.icaro.news.transfer.SiteArchive.CorrectionLine;
import media.icaro.news.transfer.SiteArchive.FeatureImage;
import media.icaro.news.transfer.SiteArchive.RevisionLine;
import media.icaro.news.transfer.SiteArchive.WorkingCopyLine;

/**
 * Writes the whole site as an archive ({@link SiteArchive}) to a stream, a record at a time: a batch of
 * articles, or one image, is all it holds in memory. The site goes on working meanwhile, so a record
 * that an article written during the export names but that was not there when its type was written
 * (a new tag, a new image) is written just before the article: the archive always imports.
 */
@ApplicationScoped
class SiteExporter {

    private static final int BATCH = 50;

    private final TransferRepository rows;
    private final ObjectMapper json;
    private final SiteConfig site;
    private final Flyway flyway;
    private volatile String schemaVersion;

    SiteExporter(TransferRepository rows, ObjectMapper json, SiteConfig site, Flyway flyway) {
        this.rows = rows;
        this.json = json;
        this.site = site;
        this.flyway = flyway;
    }

    /** Inside one transaction (the caller's), so that lazy collections load. */
    void export(OutputStream out, String schemaVersion) {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            new Run(generator, schemaVersion).all();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schema's Flyway version, for the archive's header: read once (migrations run only at start),
     * outside a transaction, as Flyway works on a connection of its own.
     */
    String schemaVersion() {
        String version = schemaVersion;
        if (version == null) {
            MigrationInfo current = flyway.info().current();
            version = current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
            schemaVersion = version;
        }
        return version;
    }

    /** One export: what it has written so far. */
    private final class Run {

        private final JsonGenerator generator;
        private final String schemaVersion;
        private final ObjectWriter writer = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .without(SerializationFeature.INDENT_OUTPUT);
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final Set<String> sections = new HashSet<>();
        private final Set<String> authors = new HashSet<>();
        private final Set<String> tags = new HashSet<>();
        private final Set<Long> images = new HashSet<>();
        private final Set<Long> articles = new HashSet<>();

        Run(JsonGenerator generator, String schemaVersion) {
            this.generator = generator;
            this.schemaVersion = schemaVersion;
            generator.setRootValueSeparator(null);
            SiteArchive.TYPES.forEach(type -> counts.put(type, 0L));
        }

        void all() throws IOException {
            write(new SiteArchive.Header(SiteArchive.FORMAT, SiteArchive.VERSION, site.name(), site.baseUrl(),
                    schemaVersion, Instant.now()));
            rows.sections().forEach(this::section);
            rows.authors().forEach(this::author);
            rows.tags().forEach(this::tag);
            for (Account account : rows.accounts()) {
                record(new SiteArchive.AccountLine(account.username, account.displayName, account.role, account.enabled,
                        account.createdAt));
            }
            for (long id : rows.imageIds()) {
                image(id);
            }
            rows.clear();
            long after = 0;
            List<Article> batch;
            while (!(batch = rows.articlesAfter(after, BATCH)).isEmpty()) {
                List<Long> ids = batch.stream().map(a -> a.id).toList();
                Map<Long, List<Revision>> revisions = rows.revisionsOf(ids).stream()
                        .collect(Collectors.groupingBy(r -> r.articleId));
                Map<Long, WorkingCopy> copies = rows.workingCopiesOf(ids).stream()
                        .collect(Collectors.toMap(w -> w.articleId, w -> w));
                for (Article article : batch) {
                    article(article, revisions.getOrDefault(article.id, List.of()), copies.get(article.id));
                }
                after = batch.get(batch.size() - 1).id;
                rows.clear();
            }
            for (ArticleRedirect redirect : rows.redirects()) {
                // An address kept by an edit of an article created after the articles were written.
                if (articles.contains(redirect.articleId)) {
                    record(new SiteArchive.RedirectLine(redirect.oldPath, redirect.articleId));
                }
            }
            for (Object[] row : rows.exclusions()) {
                if (articles.contains((Long) row[0]) && articles.contains((Long) row[1])) {
                    record(new SiteArchive.ExclusionLine((Long) row[0], (Long) row[1], (Instant) row[2], (String) row[3]));
                }
            }
            fronts();
            for (SitePage page : rows.sitePages()) {
                record(new SiteArchive.PageLine(page.slug, page.title, page.description, page.bodyMarkdown, page.position,
                        page.published, page.updatedAt, page.updatedBy));
            }
            write(new SiteArchive.End(counts));
            generator.flush();
        }

        /** Each front with the slots editors set; a slot naming an article the export did not write is left out. */
        private void fronts() {
            Map<Long, String> sectionSlugs = rows.sections().stream().collect(Collectors.toMap(s -> s.id, s -> s.slug));
            Map<Long, String> tagSlugs = rows.tags().stream().collect(Collectors.toMap(t -> t.id, t -> t.slug));
            Map<String, List<FrontSlot>> slots = rows.frontSlots().stream().collect(Collectors.groupingBy(s -> s.frontName));
            for (Front front : rows.fronts()) {
                List<SiteArchive.FrontSlotLine> lines = slots.getOrDefault(front.name, List.of()).stream()
                        .filter(slot -> slot.articleId == null || articles.contains(slot.articleId))
                        .map(slot -> new SiteArchive.FrontSlotLine(slot.block, slot.number, slot.articleId,
                                slot.fillSectionId == null ? null : sectionSlugs.get(slot.fillSectionId),
                                slot.fillTagId == null ? null : tagSlugs.get(slot.fillTagId)))
                        .toList();
                record(new SiteArchive.FrontLine(front.name, front.updatedAt, front.updatedBy, lines));
            }
        }

        private void section(Section section) {
            if (sections.add(section.slug)) {
                record(new SiteArchive.SectionLine(section.slug, section.name, section.description, section.position));
            }
        }

        private void author(Author author) {
            if (authors.add(author.slug)) {
                record(new AuthorLine(author.slug, author.name, author.type, author.bio));
            }
        }

        private void tag(Tag tag) {
            if (tags.add(tag.slug)) {
                record(new SiteArchive.TagLine(tag.slug, tag.name));
            }
        }

        private void image(long id) {
            if (images.add(id)) {
                rows.image(id).ifPresent(image -> record(new SiteArchive.ImageLine(image.id(), image.createdAt(), image.data())));
            }
        }

        private void article(Article article, List<Revision> revisions, WorkingCopy copy) throws IOException {
            section(article.section);
            article.bylines.forEach(this::author);
            article.tags.forEach(this::tag);
            if (article.imageId != null) {
                image(article.imageId);
            }
            if (article.socialImageId != null) {
                image(article.socialImageId);
            }
            List<RevisionLine> history = revisions.stream()
                    .map(r -> new RevisionLine(r.revisedAt, r.revisedBy, r.summary, snapshot(r))).toList();
            record(new ArticleLine(article.id, article.slug, article.headline, article.standfirst, article.bodyMarkdown,
                    article.section.slug, article.kind, article.status, article.publishedAt, article.updatedAt,
                    article.createdAt, article.modifiedAt, article.createdBy, article.disclaimerMode, article.disclaimerText,
                    article.source, article.seoTitle, article.seoDescription, article.socialImageId,
                    article.imageId == null ? null
                            : new FeatureImage(article.imageId, article.imageAlt, article.imageCaption, article.imageCredit),
                    article.bylines.stream().map(a -> a.slug).toList(),
                    article.tags.stream().map(t -> t.slug).sorted().toList(),
                    article.pinnedRelated.stream().map(p -> p.id).toList(),
                    article.corrections.stream().map(c -> new CorrectionLine(c.correctedAt, c.note)).toList(),
                    history, copy == null ? null : new WorkingCopyLine(copy.savedAt, copy.savedBy, copy.goLiveAt, tree(copy.snapshot)),
                    article.version));
            articles.add(article.id);
        }

        private JsonNode snapshot(Revision revision) {
            return tree(revision.snapshot);
        }

        private JsonNode tree(String snapshot) {
            try {
                return json.readTree(snapshot);
            } catch (IOException e) {
                throw new IllegalStateException("A stored snapshot holds no JSON", e);
            }
        }

        private void record(SiteArchive.Line line) {
            try {
                write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            counts.merge(line.type(), 1L, Long::sum);
        }

        private void write(SiteArchive.Line line) throws IOException {
            writer.writeValue(generator, line);
            generator.writeRaw('\n');
        }
    }
}
