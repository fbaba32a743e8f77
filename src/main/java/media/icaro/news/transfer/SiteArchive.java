package media.icaro.news.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

import media.icaro.news.account.Account;
import media.icaro.news.article.Article;
import media.icaro.news.author.Author;
import media.icaro.news.domain.Slugs;

/**
 * The site archive: JSON Lines (one JSON object a line, UTF-8), each object with a {@code type}. The
 * first line is the {@link Header}, the last the {@link End}; in between, a record may name only what
 * a line before it defined (sections, authors and tags by slug, images and articles by the id they had
 * on the exporting site), except pinned related stories, which may name an article further on. The
 * constraints here are what an import checks of each record, beside its references. (Jackson reads and
 * writes the records through reflection, which a native image keeps only for registered classes.)
 */
@RegisterForReflection(targets = { SiteArchive.Header.class, SiteArchive.SectionLine.class, SiteArchive.AuthorLine.class,
        SiteArchive.TagLine.class, SiteArchive.AccountLine.class, SiteArchive.ImageLine.class, SiteArchive.ArticleLine.class,
        SiteArchive.FeatureImage.class, SiteArchive.CorrectionLine.class, SiteArchive.RevisionLine.class,
        SiteArchive.RedirectLine.class, SiteArchive.FrontLine.class, SiteArchive.FrontSlotLine.class, SiteArchive.PageLine.class, SiteArchive.ExclusionLine.class, SiteArchive.End.class, TransferApi.ArchiveErrors.class, TransferApi.ArchiveError.class,
        TransferService.ImportSummary.class })
final class SiteArchive {

    static final String FORMAT = "icaro-news-site";
    static final int VERSION = 1;
    /** What the export is sent as; the import takes it or {@link #JSONL}. */
    static final String NDJSON = "application/x-ndjson";
    static final String JSONL = "application/jsonl";

    /** The record types, in the order an export writes them. */
    static final List<String> TYPES = List.of("section", "author", "tag", "account", "image", "article", "redirect", "exclusion", "front", "page");

    private SiteArchive() {
    }

    /** A record of the archive: what its {@code type} field says it is. */
    interface Line {
        String type();
    }

    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder({ "type", "format", "version" })
    record Header(String format, Integer version, String siteName, String baseUrl, String schemaVersion, Instant exportedAt)
            implements Line {
        @JsonProperty("type")
        public String type() {
            return "site";
        }
    }

    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder("type")
    record SectionLine(@NotBlank @Size(max = 80) @Pattern(regexp = Slugs.PATTERN) String slug,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 500) String description,
            @PositiveOrZero int position) implements Line {
        @JsonProperty("type")
        public String type() {
            return "section";
        }
    }

    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder("type")
    record AuthorLine(@NotBlank @Size(max = 120) @Pattern(regexp = Slugs.PATTERN) String slug,
            @NotBlank @Size(max = 200) String name,
            @NotNull Author.Type authorType,
            @Size(max = 2000) String bio) implements Line {
        @JsonProperty("type")
        public String type() {
            return "author";
        }
    }

    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder("type")
    record TagLine(@NotBlank @Size(max = 120) @Pattern(regexp = Slugs.PATTERN) String slug,
            @NotBlank @Size(max = 120) String name) implements Line {
        @JsonProperty("type")
        public String type() {
            return "tag";
        }
    }

    /** A newsroom account, never with its password. */
    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder("type")
    record AccountLine(@NotBlank @Size(max = 80) String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull Account.Role role,
            boolean enabled,
            @NotNull Instant createdAt) implements Line {
        @JsonProperty("type")
        public String type() {
            return "account";
        }
    }

    /** @param data the image's bytes, base64 in the archive */
    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder({ "type", "id" })
    record ImageLine(@NotNull @Positive Long id,
            @NotNull Instant createdAt,
            @NotNull byte[] data) implements Line {
        @JsonProperty("type")
        public String type() {
            return "image";
        }
    }

    /**
     * An article with everything that belongs to it alone. Its body is Markdown only: an import
     * renders and sanitises it again, as a save does, and never takes HTML from an archive.
     *
     * {@code section}, {@code bylines} and {@code tags} are slugs of records on earlier lines.
     *
     * @param id the article's id on the exporting site, which pins and redirects use
     * @param pinnedRelated ids of articles anywhere in the archive
     * @param revisions oldest first; each snapshot names pinned stories and its image by their ids on the exporting site
 * @param workingCopy a published article's working copy, or null
     */
    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder({ "type", "id", "slug", "headline" })
    record ArticleLine(@NotNull @Positive Long id,
            @NotBlank @Size(max = 200) @Pattern(regexp = Slugs.PATTERN) String slug,
            @NotBlank @Size(max = 200) String headline,
            @Size(max = 1000) String standfirst,
            @NotNull @Size(max = 1_000_000) String body,
            @NotBlank String section,
            @NotNull Article.Kind kind,
            @NotNull Article.Status status,
            Instant publishedAt,
            Instant updatedAt,
            @NotNull Instant createdAt,
            @NotNull Instant modifiedAt,
            @Size(max = 80) String createdBy,
            @NotNull Article.DisclaimerMode disclaimerMode,
            @Size(max = 1000) String disclaimerText,
            @Size(max = 200) String source,
            @Size(max = 200) String seoTitle,
            @Size(max = 300) String seoDescription,
            @Positive Long socialImage,
            @Valid FeatureImage image,
            @NotNull List<@NotBlank String> bylines,
            @NotNull List<@NotBlank String> tags,
            @NotNull List<@NotNull @Positive Long> pinnedRelated,
            @NotNull List<@NotNull @Valid CorrectionLine> corrections,
            @NotNull List<@NotNull @Valid RevisionLine> revisions,
            @Valid WorkingCopyLine workingCopy,
            @PositiveOrZero long version) implements Line {
        @JsonProperty("type")
        public String type() {
            return "article";
        }
    }

    /** @param id an image record's id */
    record FeatureImage(@NotNull @Positive Long id, @Size(max = 300) String alt, @Size(max = 500) String caption,
            @Size(max = 200) String credit) {
    }

    record CorrectionLine(@NotNull Instant correctedAt, @NotBlank @Size(max = 2000) String note) {
    }

    /** A published article's change waiting to go live; its snapshot names stories and images as revisions' do. */
    record WorkingCopyLine(@NotNull Instant savedAt, @NotBlank @Size(max = 80) String savedBy, Instant goLiveAt,
            @NotNull JsonNode snapshot) {
    }

    record RevisionLine(@NotNull Instant revisedAt, @NotBlank @Size(max = 80) String revisedBy,
            @NotNull @Size(max = 300) String summary, @NotNull JsonNode snapshot) {
    }

    /** An address an article had before; it answers 301 to the article's current one. */
    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder("type")
    record RedirectLine(@NotBlank @Size(max = 400) @Pattern(regexp = "/.*") String oldPath,
            @NotNull @Positive Long article) implements Line {
        @JsonProperty("type")
        public String type() {
            return "redirect";
        }
    }

    /**
     * What editors set on a front: the front page ("home") or a section's page (its slug). A slot names
     * an article record's id, or the slug of the section or tag that fills it.
     */
    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder("type")
    record FrontLine(@NotBlank @Size(max = 80) @Pattern(regexp = Slugs.PATTERN) String name, Instant updatedAt,
            @Size(max = 100) String updatedBy, @NotNull @Size(max = 500) List<@NotNull @Valid FrontSlotLine> slots) implements Line {
        @JsonProperty("type")
        public String type() {
            return "front";
        }
    }

    record FrontSlotLine(@NotBlank @Size(max = 100) String block, @NotNull @Positive Integer number, @Positive Long article,
            @Pattern(regexp = Slugs.PATTERN) String fillSection, @Pattern(regexp = Slugs.PATTERN) String fillTag) {
    }

    /** A story an editor keeps out of an article's Related block; both are article records' ids. */
    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder("type")
    record ExclusionLine(@NotNull @Positive Long article, @NotNull @Positive Long excluded, Instant excludedAt,
            @Size(max = 100) String excludedBy) implements Line {
        @JsonProperty("type")
        public String type() {
            return "exclusion";
        }
    }

    /** One of the site's own pages (About, Privacy...): its text as Markdown, rendered again on import. */
    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder("type")
    record PageLine(@NotBlank @Size(max = 80) @Pattern(regexp = Slugs.PATTERN) String slug,
            @NotBlank @Size(max = 200) String title, @Size(max = 500) String description,
            @NotBlank @Size(max = 100_000) String body, @NotNull @PositiveOrZero Integer position, boolean published,
            Instant updatedAt, @Size(max = 100) String updatedBy) implements Line {
        @JsonProperty("type")
        public String type() {
            return "page";
        }
    }

    /** The last line: how many records of each type came before it, so that a cut archive shows. */
    @JsonIgnoreProperties(value = "type", allowGetters = true)
    @JsonPropertyOrder("type")
    record End(@NotNull Map<String, Long> counts) implements Line {
        @JsonProperty("type")
        public String type() {
            return "end";
        }
    }
}
