package media.icaro.news.newsroom;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleField;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.ArticleService;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.EditorialService.EditableArticle;
import media.icaro.news.article.EditorialService.RevisionLine;
import media.icaro.news.article.StorySummary;
import media.icaro.news.domain.WordDiff;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;
import media.icaro.news.site.SiteConfig;
import media.icaro.news.web.SiteDates;

/**
 * The newsroom's page for one revision of an article: what it saved, compared with the article as it
 * stands now (its saved content), so that an editor can see what restoring it would bring back.
 */
@ApplicationScoped
public class RevisionDeskService {

    /** The fields compared word by word; the others go in a table of old and new values. */
    private static final Set<ArticleField> TEXTS = EnumSet.of(ArticleField.HEADLINE, ArticleField.STANDFIRST, ArticleField.BODY);
    private static final String NONE = "(none)";

    /** A text field as the revision had it, marked with what changed since. */
    public record TextComparison(String label, WordDiff.Result diff) {

        public boolean isChanged() {
            return diff.changed();
        }

        /** Too many changes to mark word by word: whole paragraphs, or the whole text, show instead. */
        public boolean isCoarse() {
            return diff.precision() != WordDiff.Precision.WORDS;
        }
    }

    /** A field that differs: as the revision had it, and as the article has it now. */
    public record FieldComparison(String label, String then, String now) {
    }

    /** {@code restorable}: not the newest revision, whose content is the article's now. */
    public record RevisionPage(NewsroomUser user, long articleId, String headline, RevisionLine revision, boolean restorable,
            boolean unchanged, List<TextComparison> texts, List<FieldComparison> fields) {
    }

    private final EditorialService editorial;
    private final SectionService sections;
    private final ArticleService articles;
    private final SiteConfig site;

    RevisionDeskService(EditorialService editorial, SectionService sections, ArticleService articles, SiteConfig site) {
        this.editorial = editorial;
        this.sections = sections;
        this.articles = articles;
        this.site = site;
    }

    /** Revision {@code revisionId} of the article; not found for another article's, forbidden as the form is. */
    public RevisionPage page(long articleId, long revisionId, NewsroomUser user) {
        EditableArticle article = editorial.load(articleId);
        ArticleDeskService.checkMayOpen(article.createdBy(), user);
        List<RevisionLine> lines = article.revisions();
        RevisionLine line = lines.stream().filter(l -> l.id() == revisionId).findFirst().orElseThrow(NotFoundException::new);
        ArticleInput then = editorial.revisionContent(articleId, revisionId);
        ArticleInput now = article.input();

        List<TextComparison> texts = new ArrayList<>();
        List<FieldComparison> fields = new ArrayList<>();
        for (ArticleField field : ArticleField.values()) {
            if (TEXTS.contains(field)) {
                String before = text(field, then);
                String after = text(field, now);
                if (!before.isBlank() || !after.isBlank()) {
                    texts.add(new TextComparison(field.label(), WordDiff.of(before, after)));
                }
            } else if (field.differs(then, now)) {
                fields.add(compared(field, then, now));
            }
        }
        return new RevisionPage(user, articleId, now.headline(), line, lines.get(0).id() != revisionId,
                ArticleField.changed(then, now).isEmpty(), texts, fields);
    }

    private static String text(ArticleField field, ArticleInput input) {
        String text = switch (field) {
            case HEADLINE -> input.headline();
            case STANDFIRST -> input.standfirst();
            default -> input.body();
        };
        return text == null ? "" : text;
    }

    private FieldComparison compared(ArticleField field, ArticleInput then, ArticleInput now) {
        return switch (field) {
            case SECTION -> new FieldComparison(field.label(), sectionName(then.section()), sectionName(now.section()));
            case KIND -> new FieldComparison(field.label(), kind(then.kind()), kind(now.kind()));
            // A set: stored in no particular order, so shown in the alphabet's.
            case TAGS -> new FieldComparison(field.label(), listed(then.tags().stream().sorted().toList()),
                    listed(now.tags().stream().sorted().toList()));
            case BYLINES -> new FieldComparison(field.label(), listed(then.bylines()), listed(now.bylines()));
            case PUBLISHED_AT -> dates(field, then.publishedAt(), now.publishedAt());
            case IMAGE -> new FieldComparison(field.label(), image(then.imageId()), image(now.imageId()));
            case DISCLAIMER -> new FieldComparison(field.label(), disclaimer(then), disclaimer(now));
            case PINNED_RELATED -> pins(field, then.pinnedRelated(), now.pinnedRelated());
            case SLUG -> new FieldComparison(field.label(), orNone(then.slug()), orNone(now.slug()));
            case IMAGE_ALT -> new FieldComparison(field.label(), orNone(then.imageAlt()), orNone(now.imageAlt()));
            case IMAGE_CAPTION -> new FieldComparison(field.label(), orNone(then.imageCaption()), orNone(now.imageCaption()));
            case IMAGE_CREDIT -> new FieldComparison(field.label(), orNone(then.imageCredit()), orNone(now.imageCredit()));
            case SOURCE -> new FieldComparison(field.label(), orNone(then.source()), orNone(now.source()));
            case SEO_TITLE -> new FieldComparison(field.label(), orNone(then.seoTitle()), orNone(now.seoTitle()));
            case SOCIAL_IMAGE -> new FieldComparison(field.label(), image(then.socialImageId()), image(now.socialImageId()));
            case SEO_DESCRIPTION -> new FieldComparison(field.label(), orNone(then.seoDescription()), orNone(now.seoDescription()));
            case HEADLINE, STANDFIRST, BODY -> throw new IllegalArgumentException("compared word by word: " + field);
        };
    }

    private String sectionName(String slug) {
        return slug == null ? NONE : sections.findBySlug(slug).map(SectionView::name).orElse(slug);
    }

    private static String kind(Article.Kind kind) {
        String name = kind.name().toLowerCase();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String listed(List<String> values) {
        return values.isEmpty() ? NONE : String.join(", ", values);
    }

    /** In the site's pattern; to the second where that is all that differs. */
    private FieldComparison dates(ArticleField field, Instant then, Instant now) {
        String before = then == null ? "Not set" : SiteDates.dateline(then);
        String after = now == null ? "Not set" : SiteDates.dateline(now);
        if (before.equals(after) && then != null) {
            DateTimeFormatter exact = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(site.timeZone());
            before = exact.format(then);
            after = exact.format(now);
        }
        return new FieldComparison(field.label(), before, after);
    }

    private static String image(Long imageId) {
        return imageId == null ? NONE : "Image " + imageId;
    }

    private static String disclaimer(ArticleInput input) {
        return switch (input.disclaimerMode()) {
            case SITE_DEFAULT -> "The site's default";
            case NONE -> NONE;
            case CUSTOM -> orNone(input.disclaimerText());
        };
    }

    /** Each pin by its headline, where the story is still there. */
    private FieldComparison pins(ArticleField field, List<String> then, List<String> now) {
        List<String> references = new ArrayList<>(then);
        references.addAll(now);
        Map<String, StorySummary> found = articles.findByReference(references);
        return new FieldComparison(field.label(), pinned(then, found), pinned(now, found));
    }

    private static String pinned(List<String> references, Map<String, StorySummary> found) {
        return references.isEmpty() ? NONE : String.join("; ", references.stream()
                .map(r -> found.containsKey(r) ? found.get(r).headline() : r).toList());
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? NONE : text;
    }
}
