package media.icaro.news.article;

/**
 * The newsroom's bar over a preview: where the story stands, the way back to editing, the button that
 * puts it live (null when the user may not, or there is nothing to put live), and the link to share.
 *
 * @param state what the preview shows, in words ("Working copy saved at … by …: readers still see the live version")
 * @param publishLabel "Publish now" or "Update live"; null for no button
 * @param version the article's version the preview shows, sent back with the button so a stale preview is refused
 * @param shareLink an address anyone can open for 48 hours, relative to the site
 */
public record PreviewBar(long articleId, String state, String publishLabel, long version, String shareLink) {
}
