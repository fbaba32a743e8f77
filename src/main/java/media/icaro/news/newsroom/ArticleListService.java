package media.icaro.news.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import media.icaro.news.article.Article;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.EditorialService.DeskLine;
import media.icaro.news.article.NewsroomCursor;
import media.icaro.news.article.NewsroomQuery;
import media.icaro.news.article.NewsroomSort;
import media.icaro.news.author.AuthorService;
import media.icaro.news.author.AuthorView;
import media.icaro.news.domain.CleanText;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.domain.Slugs;
import media.icaro.news.search.SearchIndex;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;

/**
 * The newsroom's article list: filters, full-text search, keyset pages in three orders, and the
 * editors' bulk actions (unpublish, move to a section), each reviewed on a page of its own before
 * anything changes.
 */
@ApplicationScoped
public class ArticleListService {

    static final int PAGE_SIZE = 25;
    /**
     * The full-text search hands the list at most this many best matches, which the database then
     * filters, sorts and pages like any list.
     */
    static final int MAX_MATCHES = 1000;
    static final int MAX_CHOSEN = 100;
    static final int AUTHOR_SUGGESTIONS = 1000;

    /** What the list was asked for, as typed (cleaned), to fill the filter form and the page links. */
    public record Filters(String q, String status, String section, String author, NewsroomSort sort) {

        /** The list's address with these filters and more parameters (name, value pairs), empty ones left out. */
        public String href(String... more) {
            List<String> parts = new ArrayList<>();
            add(parts, "q", q);
            add(parts, "status", status);
            add(parts, "section", section);
            add(parts, "author", author);
            add(parts, "sort", sort == NewsroomSort.CHANGED ? null : sort.parameter());
            for (int i = 0; i + 1 < more.length; i += 2) {
                add(parts, more[i], more[i + 1]);
            }
            return "/admin/articles" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isEmpty()) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** One page of the list, and what the page needs around it. */
    public record DeskList(NewsroomUser user, Filters filters, List<DeskLine> articles, String previousHref,
            String nextHref, List<SectionView> sections, List<String> authors, List<NewsroomSort> sorts, List<String> notes,
            String notice) {
    }

    /** What a bulk action will do, for the editor to confirm; with a {@code problem}, nothing can be confirmed. */
    public record BulkReview(NewsroomUser user, String action, SectionView target, List<BulkLine> lines, String problem) {

        public long changing() {
            return lines.stream().filter(BulkLine::changes).count();
        }

        /** The words of the confirm button and the heading: "Unpublish 3 articles". */
        public String title() {
            String what = articles(changing());
            return "move".equals(action) ? "Move " + what + " to " + target.name() : "Unpublish " + what;
        }
    }

    /** A chosen article and whether the action changes it (an article already unpublished, or already in the section, stays). */
    public record BulkLine(DeskLine article, boolean changes) {
    }

    /** A bulk action that cannot go ahead, in words for the editor. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final EditorialService editorial;
    private final SearchIndex search;
    private final SectionService sections;
    private final AuthorService authors;

    ArticleListService(EditorialService editorial, SearchIndex search, SectionService sections, AuthorService authors) {
        this.editorial = editorial;
        this.search = search;
        this.sections = sections;
        this.authors = authors;
    }

    /**
     * A page of the list. Contributors see only the articles they created. The search words find
     * articles of any status through the search index (headline, standfirst and body), and headlines
     * that contain them as typed (a word's beginning, or while the index cannot answer).
     */
    public DeskList list(String q, String status, String section, String author, String sort, String after, String before,
            NewsroomUser user, String notice) {
        NewsroomSort order = NewsroomSort.of(sort);
        Filters filters = new Filters(clean(q), clean(status), clean(section), clean(author), order);
        List<String> notes = new ArrayList<>();
        Article.Status wanted = null;
        for (Article.Status s : Article.Status.values()) {
            if (s.name().equalsIgnoreCase(filters.status())) {
                wanted = s;
            }
        }
        Long authorId = null;
        if (filters.author() != null) {
            Optional<AuthorView> found = authors.findBySlug(Slugs.slugify(filters.author()));
            if (found.isEmpty()) {
                notes.add("No author is called \u201c" + filters.author() + "\u201d: choose one of the names offered.");
                return page(user, filters, List.of(), null, null, notes, notice);
            }
            authorId = found.get().id();
        }
        List<Long> matching = null;
        if (filters.q() != null) {
            matching = search.newsroomMatches(filters.q(), MAX_MATCHES).orElse(null);
            if (!search.isReady()) {
                notes.add("The search index is still being built: some articles may be missing from these results for a moment.");
            }
            if (matching != null && matching.size() == MAX_MATCHES) {
                notes.add("Over " + MAX_MATCHES + " articles have these words: the list holds the " + MAX_MATCHES
                        + " that match best. Add a word or a filter to narrow it.");
            }
        }
        Optional<NewsroomCursor> older = NewsroomCursor.parse(after);
        Optional<NewsroomCursor> newer = older.isPresent() ? Optional.empty() : NewsroomCursor.parse(before);
        NewsroomQuery query = new NewsroomQuery(wanted, filters.section(), filters.q(), matching,
                user.canPublish() ? null : user.username(), authorId, order, older.or(() -> newer).orElse(null), newer.isPresent());
        EditorialService.DeskPage page = editorial.listPage(query, PAGE_SIZE);
        return page(user, filters, page.lines(),
                page.previous() == null ? null : filters.href("before", page.previous().toString()),
                page.next() == null ? null : filters.href("after", page.next().toString()), notes, notice);
    }

    private DeskList page(NewsroomUser user, Filters filters, List<DeskLine> lines, String previous, String next,
            List<String> notes, String notice) {
        return new DeskList(user, filters, lines, previous, next, sections.navigation(), authors.names(AUTHOR_SUGGESTIONS),
                List.of(NewsroomSort.values()), notes, notice);
    }

    /** The review page of a bulk action on the chosen articles; {@link Refused} when it cannot go ahead. */
    public BulkReview review(List<String> chosen, String action, String sectionSlug, NewsroomUser user) {
        List<Long> ids = ids(chosen);
        SectionView target = target(action, sectionSlug);
        List<DeskLine> lines;
        try {
            lines = editorial.chosen(ids);
        } catch (EditorialService.StaleSelection e) {
            throw new Refused(stale(e));
        }
        List<BulkLine> review = lines.stream().map(line -> new BulkLine(line, changes(line, action, target))).toList();
        BulkReview page = new BulkReview(user, action, target, review, null);
        if (page.changing() == 0) {
            throw new Refused("move".equals(action)
                    ? "The chosen articles are all in " + target.name() + " already: there is nothing to move."
                    : "None of the chosen articles is published or scheduled: there is nothing to unpublish.");
        }
        return page;
    }

    /** Carries out a reviewed bulk action, all or nothing; returns the notice code for the list. */
    public String apply(List<String> chosen, String action, String sectionSlug, Editor editor) {
        List<Long> ids = ids(chosen);
        SectionView target = target(action, sectionSlug);
        try {
            if ("move".equals(action)) {
                return "moved&count=" + editorial.moveAll(ids, target.slug(), editor) + "&to=" + target.slug();
            }
            return "unpublished&count=" + editorial.unpublishAll(ids, editor);
        } catch (EditorialService.StaleSelection e) {
            throw new Refused(stale(e));
        } catch (FieldErrors.Invalid e) {
            throw new Refused("That section no longer exists: choose another one.");
        }
    }

    /** The notice after a bulk action, from the code of its redirect; null for none. */
    public String bulkNotice(String done, String count, String to) {
        if (count == null || !count.matches("[0-9]{1,3}")) {
            return null;
        }
        String what = articles(Integer.parseInt(count));
        if ("unpublished".equals(done)) {
            return what + " unpublished.";
        }
        if ("moved".equals(done)) {
            return sections.findBySlug(clean(to)).map(s -> what + " moved to " + s.name() + ".").orElse(null);
        }
        return null;
    }

    /** An empty list of a page a user can go back to. */
    public BulkReview refused(String problem, NewsroomUser user) {
        return new BulkReview(user, null, null, List.of(), problem);
    }

    private static boolean changes(DeskLine line, String action, SectionView target) {
        if ("move".equals(action)) {
            return !line.sectionName().equals(target.name());
        }
        return line.status() == Article.Status.PUBLISHED || line.status() == Article.Status.SCHEDULED;
    }

    private SectionView target(String action, String sectionSlug) {
        if ("unpublish".equals(action)) {
            return null;
        }
        if (!"move".equals(action)) {
            throw new Refused("Choose what to do with the chosen articles: unpublish them, or move them to a section.");
        }
        String slug = clean(sectionSlug);
        if (slug == null) {
            throw new Refused("Choose the section to move the chosen articles to.");
        }
        return sections.findBySlug(slug).orElseThrow(() -> new Refused("There is no section \u201c" + slug
                + "\u201d: choose one of the sections offered."));
    }

    private static List<Long> ids(List<String> chosen) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : chosen == null ? List.<String>of() : chosen) {
            if (id == null || !id.strip().matches("[0-9]{1,18}")) {
                throw new Refused("The choice of articles was not understood: go back to the list and choose again.");
            }
            ids.add(Long.parseLong(id.strip()));
        }
        if (ids.isEmpty()) {
            throw new Refused("No article was chosen: tick the articles to change in the list first.");
        }
        if (ids.size() > MAX_CHOSEN) {
            throw new Refused("Choose at most " + MAX_CHOSEN + " articles at a time.");
        }
        return List.copyOf(ids);
    }

    private static String stale(EditorialService.StaleSelection e) {
        return (e.missing().size() == 1 ? "One of the chosen articles no longer exists"
                : e.missing().size() + " of the chosen articles no longer exist")
                + " (number " + String.join(", ", e.missing().stream().map(String::valueOf).toList())
                + "), so nothing was changed. Go back to the list and choose again.";
    }

    private static String articles(long count) {
        return count == 1 ? "1 article" : count + " articles";
    }

    private static String clean(String typed) {
        return CleanText.blankToNull(CleanText.singleLine(typed));
    }
}
