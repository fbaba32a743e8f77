package media.icaro.news.newsroom.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An article as a client sends it, to create (POST) or replace (PUT) one. Values are kept as sent;
 * {@link ArticleApiService} reads them and reports every wrong field at once. Unknown properties
 * are ignored, so that an article as the API answers it can be edited and sent back whole.
 *
 * @param kind news, opinion or analysis; none means news
 * @param status draft, scheduled or published, and on PUT also unpublished; none keeps the status. On a
 *        published article, draft keeps the change as the article's working copy (readers see the live
 *        version until it is put live: PUT again with published, or discard it with DELETE
 *        {@code /api/v1/articles/{id}/working-copy}), and scheduled does too, to go live at {@code goLiveAt}
 * @param publishedAt ISO-8601 with an offset, such as {@code 2024-05-20T09:30:00+02:00}
 * @param disclaimer a custom disclaimer; null or absent for the site's default; "none" for none
 * @param pinnedRelated stories to pin first in the Related block, in order: each an article's id, slug
 *        or address; absent or null keeps the pins an article has (none for a new one)
 * @param goLiveAt when a scheduled update of a published article goes live, ISO-8601 with an offset
 * @param seoTitle what search results and link previews show instead of the headline
 * @param seoDescription what they show instead of the standfirst
 * @param version the version the client loaded: required on PUT
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleRequest(
        String headline,
        String slug,
        String standfirst,
        String body,
        String section,
        List<String> tags,
        List<String> bylines,
        String kind,
        String status,
        String publishedAt,
        String disclaimer,
        String source,
        List<String> pinnedRelated,
        String goLiveAt,
        String seoTitle,
        String seoDescription,
        Long version) {
}
