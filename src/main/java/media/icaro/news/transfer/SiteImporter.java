package media.icaro.news.transfer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.runtime.configuration.MemorySize;

import media.icaro.news.account.AccountService;
import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleRedirect;
import media.icaro.news.article.BodyRenderer;
import media.icaro.news.article.Correction;
import media.icaro.news.article.Revision;
import media.icaro.news.article.WorkingCopy;
import media.icaro.news.article.RevisionSnapshot;
import media.icaro.news.author.Author;
import media.icaro.news.domain.CleanText;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.media.ImageService;
import media.icaro.news.front.Front;
import media.icaro.news.front.FrontService;
import media.icaro.news.front.FrontSlot;
import media.icaro.news.section.Section;
import media.icaro.news.sitepage.SitePage;
import media.icaro.news.section.SectionService;
import media.icaro.news.tag.Tag;
import media.icaro.news.transfer.SiteArchive.ArticleLine;
import media.icaro.news.transfer.SiteArchive.RevisionLine;

/**
 * Reads an archive ({@link SiteArchive}) line by line and writes its records as they come, checking
 * each one: its fields, that what it names was defined on a line before, that no slug, username or
 * address comes twice, and at the end that the archive was whole. The first problem stops the import
 * with the line it is on ({@link ArchiveRefused}); the caller's transaction then rolls everything back.
 * <p>
 * Rows are written as the archive gives them (dates, authorship, history), not as new saves: ids are
 * new, and what names an id (pins, images, redirects, the revisions' snapshots) is translated. Bodies
 * are rendered and sanitised again from their Markdown. Accounts come without passwords, and an
 * account already here keeps its own ({@link AccountService#addWithoutPassword}); images are checked as
 * uploads are ({@link ImageService}).
 */
@ApplicationScoped
class SiteImporter {

    /** Articles held in the session at once: every batch is written and let go. */
    private static final int BATCH = 50;

    private final TransferRepository rows;
    private final AccountService accounts;
    private final ImageService images;
    private final BodyRenderer bodies;
    private final ObjectMapper json;
    private final Validator validator;
    private final int maxLineBytes;

    SiteImporter(TransferRepository rows, AccountService accounts, ImageService images, BodyRenderer bodies, ObjectMapper json,
            Validator validator,
            @ConfigProperty(name = "news.transfer.max-line-size", defaultValue = "16M") MemorySize maxLine) {
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 8, maxLine.asLongValue());
        this.rows = rows;
        this.accounts = accounts;
        this.images = images;
        this.bodies = bodies;
        this.json = json;
        this.validator = validator;
    }

    /**
     * Imports the archive in {@code in} inside the caller's transaction, after {@code beforeWriting}
     * (which empties the site) has run once the header has been read.
     */
    TransferService.ImportSummary read(InputStream in, Runnable beforeWriting) {
        Run run = new Run(new Lines(in, maxLineBytes));
        run.header();
        beforeWriting.run();
        run.records();
        return run.summary();
    }

    /** One import: where it is in the archive, and what the records so far defined. */
    private final class Run {

        private final Lines reader;
        private int lineNumber;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        /** Slugs of sections, authors and tags, and archive ids of images and articles, with their new ids. */
        private final Map<String, Long> sections = new HashMap<>();
        private final Map<String, Long> authors = new HashMap<>();
        private final Map<String, Long> tags = new HashMap<>();
        private final Map<Long, Long> imageIds = new HashMap<>();
        private final Map<Long, Long> articleIds = new HashMap<>();
        /** Where each slug, username or old address was defined, to name both lines of a duplicate. */
        private final Map<String, Integer> definedAt = new HashMap<>();
        private final List<PendingPins> pins = new ArrayList<>();
        private final List<PendingSnapshot> snapshots = new ArrayList<>();
        private final List<String> accountsKept = new ArrayList<>();
        private final List<String> accountsAdded = new ArrayList<>();
        private int articlesInSession;

        /** A working copy, written once every article is known, since its snapshot may pin any of them. */
        private record PendingCopy(int line, long articleId, SiteArchive.WorkingCopyLine copy) {
        }

        private final List<PendingCopy> copies = new ArrayList<>();

        private record PendingPins(int line, long articleId, List<Long> archiveIds) {
        }

        /** A revision stored with its snapshot as the archive has it, to translate once every article is known. */
        private record PendingSnapshot(int line, long revisionId) {
        }

        Run(Lines reader) {
            this.reader = reader;
            SiteArchive.TYPES.forEach(type -> counts.put(type, 0L));
        }

        void header() {
            String line = next();
            if (line == null) {
                throw ArchiveRefused.at(1, "the archive is empty. Download one from a site's newsroom or GET /api/v1/export.");
            }
            JsonNode node;
            try {
                node = json.readTree(line.startsWith("\uFEFF") ? line.substring(1) : line);
            } catch (JsonProcessingException e) {
                throw ArchiveRefused.at(1, "this is not a site archive: its first line is not JSON.");
            }
            if (node == null || !node.isObject() || !"site".equals(node.path("type").asText(null))
                    || !SiteArchive.FORMAT.equals(node.path("format").asText(null))) {
                throw ArchiveRefused.at(1, "this is not a site archive: its first line must be the header of an archive"
                        + " of format \"" + SiteArchive.FORMAT + "\".");
            }
            JsonNode version = node.path("version");
            if (!version.isInt()) {
                throw ArchiveRefused.at(1, "the header gives no format version (a whole number).");
            }
            if (version.asInt() != SiteArchive.VERSION) {
                throw ArchiveRefused.at(1, "the archive is of format version " + version.asInt() + "; this site reads version "
                        + SiteArchive.VERSION + ".");
            }
        }

        void records() {
            String line;
            boolean ended = false;
            while ((line = next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (ended) {
                    throw ArchiveRefused.at(lineNumber, "there is a record after the end record: the archive was"
                            + " joined to something else.");
                }
                JsonNode node = parse(line);
                String type = node.path("type").asText("");
                switch (type) {
                    case "section" -> section(as(node, SiteArchive.SectionLine.class));
                    case "author" -> author(as(node, SiteArchive.AuthorLine.class));
                    case "tag" -> tag(as(node, SiteArchive.TagLine.class));
                    case "account" -> account(as(node, SiteArchive.AccountLine.class));
                    case "image" -> image(as(node, SiteArchive.ImageLine.class));
                    case "article" -> article(as(node, ArticleLine.class));
                    case "redirect" -> redirect(as(node, SiteArchive.RedirectLine.class));
                    case "exclusion" -> exclusion(as(node, SiteArchive.ExclusionLine.class));
                    case "front" -> front(as(node, SiteArchive.FrontLine.class));
                    case "page" -> page(as(node, SiteArchive.PageLine.class));
                    case "end" -> {
                        end(as(node, SiteArchive.End.class));
                        ended = true;
                    }
                    case "site" -> throw ArchiveRefused.at(lineNumber, "a second header: two archives were joined into one.");
                    default -> throw ArchiveRefused.at(lineNumber, "unknown record type \"" + CleanText.abbreviate(type, 40)
                            + "\"; the types are " + String.join(", ", SiteArchive.TYPES) + " and end.");
                }
            }
            if (!ended) {
                throw ArchiveRefused.at(lineNumber + 1, "the archive stops without its end record after line " + lineNumber
                        + ": it is incomplete (cut off while downloading, uploading or copying).");
            }
            resolvePins();
            translateSnapshots();
            writeWorkingCopies();
            rows.flushAndClear();
        }

        TransferService.ImportSummary summary() {
            Map<String, Long> imported = new LinkedHashMap<>(counts);
            imported.put("account", (long) accountsAdded.size());
            return new TransferService.ImportSummary(imported, List.copyOf(accountsKept), List.copyOf(accountsAdded));
        }

        private void section(SiteArchive.SectionLine line) {
            if (SectionService.RESERVED_SLUGS.contains(line.slug())) {
                throw here("the section slug \"" + line.slug() + "\" is the address of another page of the site.");
            }
            unique("section", line.slug());
            Section section = new Section();
            section.slug = line.slug();
            section.name = line.name().strip();
            section.description = line.description();
            section.position = line.position();
            rows.persist(section);
            sections.put(section.slug, section.id);
            counted("section");
        }

        private void author(SiteArchive.AuthorLine line) {
            unique("author", line.slug());
            Author author = new Author();
            author.slug = line.slug();
            author.name = line.name().strip();
            author.type = line.authorType();
            author.bio = line.bio();
            rows.persist(author);
            authors.put(author.slug, author.id);
            counted("author");
        }

        private void tag(SiteArchive.TagLine line) {
            unique("tag", line.slug());
            Tag tag = new Tag();
            tag.slug = line.slug();
            tag.name = line.name().strip();
            rows.persist(tag);
            tags.put(tag.slug, tag.id);
            counted("tag");
        }

        private void account(SiteArchive.AccountLine line) {
            unique("account", line.username());
            try {
                if (accounts.addWithoutPassword(line.username(), line.displayName(), line.role(), line.enabled(),
                        line.createdAt())) {
                    accountsAdded.add(line.username());
                } else {
                    accountsKept.add(line.username());
                }
            } catch (FieldErrors.Invalid e) {
                throw here("the account \"" + CleanText.abbreviate(line.username(), 80) + "\": " + messages(e));
            }
            counted("account");
        }

        private void image(SiteArchive.ImageLine line) {
            unique("image", String.valueOf(line.id()));
            try {
                imageIds.put(line.id(), images.store(line.data(), "data", line.createdAt()));
            } catch (FieldErrors.Invalid e) {
                throw here("the image " + line.id() + ": " + messages(e));
            }
            // Its bytes are written; the session need not hold them.
            rows.flushAndClear();
            counted("image");
        }

        private void article(ArticleLine line) {
            unique("article", String.valueOf(line.id()));
            unique("article slug", line.slug());
            if (line.publishedAt() == null
                    && (line.status() == Article.Status.PUBLISHED || line.status() == Article.Status.SCHEDULED)) {
                throw here("the article \"" + line.slug() + "\" is " + line.status().name().toLowerCase() + " but has no publishedAt.");
            }
            Article article = new Article();
            article.slug = line.slug();
            article.headline = line.headline();
            article.standfirst = line.standfirst();
            article.bodyMarkdown = line.body();
            article.bodyHtml = bodies.toHtml(line.body());
            article.bodySummary = bodies.summary(line.body());
            article.section = rows.reference(Section.class, defined(sections, line.section(), "section", line.slug()));
            article.kind = line.kind();
            article.status = line.status();
            article.publishedAt = line.publishedAt();
            article.updatedAt = line.updatedAt();
            article.createdAt = line.createdAt();
            article.modifiedAt = line.modifiedAt();
            article.createdBy = line.createdBy();
            article.disclaimerMode = line.disclaimerMode();
            article.disclaimerText = line.disclaimerText();
            article.source = line.source();
            article.seoTitle = line.seoTitle();
            article.seoDescription = line.seoDescription();
            if (line.socialImage() != null) {
                Long social = imageIds.get(line.socialImage());
                if (social == null) {
                    throw here("the article \"" + line.slug() + "\" shows the image " + line.socialImage()
                            + " in link previews, which no line before it defines.");
                }
                article.socialImageId = social;
            }
            if (line.image() != null) {
                Long image = imageIds.get(line.image().id());
                if (image == null) {
                    throw here("the article \"" + line.slug() + "\" shows the image " + line.image().id()
                            + ", which no line before it defines.");
                }
                article.imageId = image;
                article.imageAlt = line.image().alt();
                article.imageCaption = line.image().caption();
                article.imageCredit = line.image().credit();
            }
            for (String slug : line.bylines()) {
                article.bylines.add(rows.reference(Author.class, defined(authors, slug, "author", line.slug())));
            }
            for (String slug : line.tags()) {
                article.tags.add(rows.reference(Tag.class, defined(tags, slug, "tag", line.slug())));
            }
            for (SiteArchive.CorrectionLine note : line.corrections()) {
                Correction correction = new Correction();
                correction.article = article;
                correction.correctedAt = note.correctedAt();
                correction.note = note.note();
                article.corrections.add(correction);
            }
            article.version = line.version();
            rows.persist(article);
            articleIds.put(line.id(), article.id);
            if (!line.pinnedRelated().isEmpty()) {
                pins.add(new PendingPins(lineNumber, article.id, line.pinnedRelated()));
            }
            for (RevisionLine revision : line.revisions()) {
                revision(article.id, revision);
            }
            if (line.workingCopy() != null) {
                copies.add(new PendingCopy(lineNumber, article.id, line.workingCopy()));
            }
            counted("article");
            if (++articlesInSession == BATCH) {
                rows.flushAndClear();
                articlesInSession = 0;
            }
        }

        private void revision(long articleId, RevisionLine line) {
            Revision revision = new Revision();
            revision.articleId = articleId;
            revision.revisedAt = line.revisedAt();
            revision.revisedBy = line.revisedBy();
            revision.summary = line.summary();
            String archived = line.snapshot().toString();
            boolean[] unknown = { false };
            revision.snapshot = translate(archived, id -> {
                Long known = articleIds.get(id);
                unknown[0] |= known == null;
                return known;
            }, id -> {
                Long known = imageIds.get(id);
                unknown[0] |= known == null;
                return known;
            });
            if (unknown[0]) {
                // It pins a story further on (or shows an image written later): translated at the end.
                revision.snapshot = archived;
            }
            rows.persist(revision);
            if (unknown[0]) {
                snapshots.add(new PendingSnapshot(lineNumber, revision.id));
            }
        }

        private String translate(String snapshot, LongFunction<Long> articles, LongFunction<Long> images) {
            try {
                return RevisionSnapshot.translated(json, snapshot, articles, images);
            } catch (IllegalArgumentException e) {
                throw here("a revision's snapshot is " + e.getMessage());
            }
        }

        private void redirect(SiteArchive.RedirectLine line) {
            unique("redirect", line.oldPath());
            Long article = articleIds.get(line.article());
            if (article == null) {
                throw here("the redirect from " + line.oldPath() + " goes to the article " + line.article()
                        + ", which no line before it defines.");
            }
            ArticleRedirect redirect = new ArticleRedirect();
            redirect.oldPath = line.oldPath();
            redirect.articleId = article;
            rows.persist(redirect);
            counted("redirect");
        }

        /** A front of the home page or of a section defined before it, its slots naming earlier records. */
        private void front(SiteArchive.FrontLine line) {
            unique("front", line.name());
            if (!line.name().equals(FrontService.HOME) && !sections.containsKey(line.name())) {
                throw here("the front \"" + line.name() + "\" is neither \"home\" nor a section that a line before it defines.");
            }
            Front front = new Front();
            front.name = line.name();
            front.sectionId = sections.get(line.name());
            front.version = 1;
            front.updatedAt = line.updatedAt() == null ? Instant.now() : line.updatedAt();
            front.updatedBy = line.updatedBy() == null ? "import" : line.updatedBy();
            rows.persist(front);
            Set<String> taken = new HashSet<>();
            for (SiteArchive.FrontSlotLine slotLine : line.slots()) {
                if (!taken.add(slotLine.block() + "-" + slotLine.number())) {
                    throw here("the front \"" + line.name() + "\" sets the slot " + slotLine.block() + " " + slotLine.number() + " twice.");
                }
                FrontSlot slot = new FrontSlot();
                slot.frontName = front.name;
                slot.block = slotLine.block();
                slot.number = slotLine.number();
                slot.articleId = slotLine.article() == null ? null : defined(articleIds.get(slotLine.article()), "article",
                        String.valueOf(slotLine.article()));
                slot.fillSectionId = slotLine.fillSection() == null ? null
                        : defined(sections.get(slotLine.fillSection()), "section", slotLine.fillSection());
                slot.fillTagId = slotLine.fillTag() == null ? null : defined(tags.get(slotLine.fillTag()), "tag", slotLine.fillTag());
                if (slot.fillSectionId != null && slot.fillTagId != null) {
                    throw here("a front's slot is filled from a section or a tag, not both.");
                }
                rows.persist(slot);
            }
            counted("front");
        }

        /** A story kept out of an article's Related block, both defined before it. */
        private void exclusion(SiteArchive.ExclusionLine line) {
            unique("exclusion", line.article() + " " + line.excluded());
            long article = defined(articleIds.get(line.article()), "article", String.valueOf(line.article()));
            long excluded = defined(articleIds.get(line.excluded()), "article", String.valueOf(line.excluded()));
            if (article == excluded) {
                throw here("an article cannot be kept out of its own Related block.");
            }
            rows.flushAndClear();
            rows.addExclusion(article, excluded, line.excludedAt() == null ? Instant.now() : line.excludedAt(),
                    line.excludedBy() == null ? "import" : line.excludedBy());
            counted("exclusion");
        }

        /** A site page, its text rendered and sanitised again; its address must not be a section's. */
        private void page(SiteArchive.PageLine line) {
            unique("page", line.slug());
            if (SectionService.RESERVED_SLUGS.contains(line.slug()) || sections.containsKey(line.slug())) {
                throw here("the page \"" + line.slug() + "\" has the address of a section or of another part of the site.");
            }
            SitePage page = new SitePage();
            page.slug = line.slug();
            page.title = line.title().strip();
            page.description = line.description();
            page.bodyMarkdown = line.body();
            page.bodyHtml = bodies.toHtml(line.body());
            page.position = line.position();
            page.published = line.published();
            page.updatedAt = line.updatedAt() == null ? Instant.now() : line.updatedAt();
            page.updatedBy = line.updatedBy() == null ? "import" : line.updatedBy();
            rows.persist(page);
            counted("page");
        }

        private Long defined(Long id, String type, String reference) {
            if (id == null) {
                throw here("a record names the " + type + " " + reference + ", which no line before it defines.");
            }
            return id;
        }

        private void end(SiteArchive.End line) {
            for (String type : SiteArchive.TYPES) {
                long said = line.counts().getOrDefault(type, 0L);
                long read = counts.get(type);
                if (said != read) {
                    throw here("the end record counts " + said + " " + type + " records but the archive holds " + read
                            + ": lines are missing or were added.");
                }
            }
        }

        /**
         * Pins may name articles anywhere in the archive, so they are set once all are in, as rows of
         * their own: set through the articles, they would count as a save and move their versions on.
         */
        private void resolvePins() {
            rows.flushAndClear();
            for (PendingPins pending : pins) {
                List<Long> archiveIds = pending.archiveIds();
                for (int position = 0; position < archiveIds.size(); position++) {
                    Long pinned = articleIds.get(archiveIds.get(position));
                    if (pinned == null) {
                        throw ArchiveRefused.at(pending.line(), "the article pins the article " + archiveIds.get(position)
                                + ", which the archive does not hold.");
                    }
                    rows.addPin(pending.articleId(), position, pinned);
                }
            }
        }

        private void translateSnapshots() {
            rows.flushAndClear();
            for (PendingSnapshot pending : snapshots) {
                Revision revision = rows.find(Revision.class, pending.revisionId());
                lineNumber = pending.line();
                revision.snapshot = translate(revision.snapshot, articleIds::get, imageIds::get);
            }
        }

        private void writeWorkingCopies() {
            for (PendingCopy pending : copies) {
                lineNumber = pending.line();
                WorkingCopy copy = new WorkingCopy();
                copy.articleId = pending.articleId();
                copy.savedAt = pending.copy().savedAt();
                copy.savedBy = pending.copy().savedBy();
                copy.goLiveAt = pending.copy().goLiveAt();
                copy.snapshot = translate(pending.copy().snapshot().toString(), articleIds::get, imageIds::get);
                rows.persist(copy);
            }
        }

        private JsonNode parse(String line) {
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                throw here("not JSON (" + e.getOriginalMessage() + "). Is the archive cut off or edited?");
            }
            if (node == null || !node.isObject()) {
                throw here("not a JSON object; every line of an archive is one record.");
            }
            String control = controlCharacter(node, "");
            if (control != null) {
                throw here(control);
            }
            return node;
        }

        /** Where the record holds text that no save of this site stores (a NUL, a control character), if anywhere. */
        private String controlCharacter(JsonNode node, String path) {
            if (node.isTextual()) {
                String text = node.textValue();
                return text.equals(CleanText.multiLine(text)) ? null
                        : "the field \"" + path + "\" holds a control character or a noncharacter, which this site never stores.";
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String found = controlCharacter(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                String found = controlCharacter(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        /** The record as its type, checked field by field. */
        private <T> T as(JsonNode node, Class<T> type) {
            T record;
            try {
                record = json.treeToValue(node, type);
            } catch (InvalidFormatException e) {
                throw here(wrongValue(e));
            } catch (MismatchedInputException e) {
                throw here("the field \"" + path(e) + "\" should be " + kind(e.getTargetType()) + ".");
            } catch (JsonMappingException e) {
                throw here("the field \"" + path(e) + "\" cannot be read (" + e.getOriginalMessage() + ").");
            } catch (JsonProcessingException e) {
                throw here("the record cannot be read (" + e.getOriginalMessage() + ").");
            }
            Set<ConstraintViolation<T>> violations = validator.validate(record);
            if (!violations.isEmpty()) {
                Set<String> problems = new TreeSet<>();
                for (ConstraintViolation<T> violation : violations) {
                    problems.add(violation.getPropertyPath() + " " + violation.getMessage());
                }
                throw here(node.path("type").asText() + " record: " + String.join("; ", problems) + ".");
            }
            return record;
        }

        private String wrongValue(InvalidFormatException e) {
            Class<?> target = e.getTargetType();
            String value = CleanText.abbreviate(String.valueOf(e.getValue()), 60);
            if (target != null && target.isEnum()) {
                List<String> allowed = new ArrayList<>();
                for (Object constant : target.getEnumConstants()) {
                    allowed.add(((Enum<?>) constant).name());
                }
                return "the field \"" + path(e) + "\" is \"" + value + "\", which is not one of " + String.join(", ", allowed) + ".";
            }
            return "the field \"" + path(e) + "\" is \"" + value + "\", which is not " + kind(target) + ".";
        }

        /** What a value of this type looks like in an archive. */
        private static String kind(Class<?> type) {
            if (type == null) {
                return "a value of another kind";
            }
            if (type == Instant.class) {
                return "a time such as 2024-06-18T17:15:00Z";
            }
            if (Collection.class.isAssignableFrom(type)) {
                return "a list";
            }
            if (Map.class.isAssignableFrom(type) || type.isRecord()) {
                return "an object";
            }
            if (type == boolean.class || type == Boolean.class) {
                return "true or false";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "a whole number";
            }
            if (type == byte[].class) {
                return "base64 text";
            }
            return "text";
        }

        private static String path(JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : e.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.toString();
        }

        private long defined(Map<String, Long> known, String slug, String what, String articleSlug) {
            Long id = known.get(slug);
            if (id == null) {
                throw here("the article \"" + articleSlug + "\" names the " + what + " \"" + CleanText.abbreviate(slug, 80)
                        + "\", which no line before it defines.");
            }
            return id;
        }

        /** Refuses a second definition of the same thing, naming the line of the first. */
        private void unique(String what, String key) {
            Integer first = definedAt.putIfAbsent(what + " " + key, lineNumber);
            if (first != null) {
                throw here("a second " + what + " \"" + CleanText.abbreviate(key, 80) + "\"; line " + first
                        + " has the first. Each must be unique.");
            }
        }

        private void counted(String type) {
            counts.merge(type, 1L, Long::sum);
        }

        private ArchiveRefused here(String problem) {
            return ArchiveRefused.at(lineNumber, problem);
        }

        private String messages(FieldErrors.Invalid e) {
            return String.join("; ", e.errors().messages().values()) + ".";
        }

        private String next() {
            try {
                String line = reader.next();
                if (line != null) {
                    lineNumber++;
                }
                return line;
            } catch (CharacterCodingException e) {
                throw ArchiveRefused.at(lineNumber + 1, "not UTF-8 text. An archive is UTF-8 JSON Lines.");
            } catch (Lines.TooLong e) {
                throw ArchiveRefused.at(lineNumber + 1, "longer than " + e.limit() + " without a line"
                        + " break. An archive has one record per line, and the largest (an article with all its"
                        + " revisions, a 5 MB image) is far shorter: this is not an archive, or a damaged one.");
            } catch (IOException e) {
                throw ArchiveRefused.because(ArchiveRefused.Reason.INVALID,
                        "The archive could not be read to its end (" + e.getMessage() + "). Nothing was imported.");
            }
        }
    }

    /**
     * The archive's lines, each decoded on its own, so that bytes that are not UTF-8 are reported on
     * their own line (a reader decoding ahead would report them lines early).
     */
    private static final class Lines {

        static final class TooLong extends IOException {
            private final int limit;

            TooLong(int limit) {
                super("line too long");
                this.limit = limit;
            }

            /** The limit in words: "16 MB". */
            String limit() {
                return limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB";
            }
        }

        private final InputStream in;
        /** A line is held whole in memory while it is read: past this, reading on would only exhaust the heap. */
        private final int maxBytes;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(8 * 1024);

        Lines(InputStream in, int maxBytes) {
            this.in = new BufferedInputStream(in, 64 * 1024);
            this.maxBytes = maxBytes;
        }

        /** The next line without its end ("\n" or "\r\n"); null at the end of the archive. */
        String next() throws IOException {
            line.reset();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.size() >= maxBytes) {
                    throw new TooLong(maxBytes);
                }
                line.write(b);
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        }
    }
}
