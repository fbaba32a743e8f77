package media.icaro.news.newsroom.api;

import java.time.Instant;
import java.util.List;

import media.icaro.news.article.Article;

/**
 * An article as the API answers it: the fields a client sends, as saved, and what the site adds.
 *
 * @param url the public path; null while the article has no date
 * @param disclaimer the custom disclaimer, null for the site's default, "none" for none
 * @param pinnedRelated the ids of the stories pinned first in its Related block, in order
 * @param updatedAt the last save of any kind
 * @param workingCopy the change waiting to be put live, for a published article that has one; else null
 */
public record ArticleJson(
        long id,
        String slug,
        String url,
        String headline,
        String standfirst,
        String body,
        String section,
        List<String> tags,
        List<String> bylines,
        String kind,
        String status,
        Instant publishedAt,
        String disclaimer,
        String source,
        String seoTitle,
        String seoDescription,
        List<Long> pinnedRelated,
        long version,
        Instant createdAt,
        Instant updatedAt,
        WorkingCopyJson workingCopy) {

    /**
     * A published article's working copy: who saved it when, when it goes live if scheduled, and its content
     * as a PUT would send it.
     */
    public record WorkingCopyJson(Instant savedAt, String savedBy, Instant goLiveAt, ArticleRequest content) {
    }

    static final String NO_DISCLAIMER = "none";

    /** Reads the article's section, tags, bylines and pins: call it while they can be loaded. */
    static ArticleJson of(Article article, String url, WorkingCopyJson workingCopy) {
        String disclaimer = switch (article.disclaimerMode) {
            case SITE_DEFAULT -> null;
            case CUSTOM -> article.disclaimerText;
            case NONE -> NO_DISCLAIMER;
        };
        return new ArticleJson(article.id, article.slug, url, article.headline, article.standfirst, article.bodyMarkdown,
                article.section.slug, article.tags.stream().map(tag -> tag.name).sorted().toList(),
                article.bylines.stream().map(author -> author.name).toList(), WireNames.of(article.kind),
                WireNames.of(article.status), article.publishedAt, disclaimer, article.source, article.seoTitle,
                article.seoDescription, article.pinnedRelated.stream().map(pinned -> pinned.id).toList(), article.version,
                article.createdAt, article.modifiedAt, workingCopy);
    }
}
