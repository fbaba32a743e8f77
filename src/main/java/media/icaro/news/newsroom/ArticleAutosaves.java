package media.icaro.news.newsroom;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

import media.icaro.news.article.RevisionRepository;
import media.icaro.news.site.SiteConfig;

/**
 * The article form's safety net: what an editor types is sent by the newsroom's script every few
 * seconds and kept here, per user and article ("new" for an article not created yet), until a real
 * save of the form deletes it. It never touches the article, its page, its revisions or its working
 * copy. Opening the form again (after a crash, a closed tab, or a session that expired and a new
 * sign-in) fills it from here, with a notice that says so.
 */
@ApplicationScoped
@RegisterForReflection(targets = ArticleForm.class, fields = true)
public class ArticleAutosaves {

    /** The key of a new article's autosave. */
    public static final String NEW = "new";
    /** A key in an address: "new" or an article's id. */
    public static final String KEY = "new|[0-9]{1,18}";
    /**
     * The largest autosave or preview request: the article form's text at its largest (a body of
     * 200,000 characters, up to 4 bytes each in UTF-8, and the shorter fields), with room to spare.
     */
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;
    static final String TOO_LARGE = "This is more text than the article form accepts (a body of at most 200,000 characters),"
            + " so it was not autosaved";
    static final String TOO_LARGE_TO_PREVIEW = "This body is longer than an article's can be (200,000 characters at most),"
            + " so it is not previewed";
    /** The column's size. */
    private static final int MAX_STORED = 1_000_000;

    /** The form's controls, not typing: the version is kept beside the fields, the button is not kept. */
    private static final Set<String> NOT_TYPED = Set.of("version", "action");
    /**
     * Every text field of the form but its controls, so that a field added to {@link ArticleForm} is
     * autosaved and restored with no change here. The image file is never kept.
     */
    private static final List<Field> TYPED = Arrays.stream(ArticleForm.class.getFields())
            .filter(field -> field.getType() == String.class && !Modifier.isStatic(field.getModifiers())
                    && !NOT_TYPED.contains(field.getName()))
            .toList();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** The answer to an autosave: when it was kept, and that time as the form shows it (JSON, sent in a Response). */
    @RegisterForReflection
    public record Saved(String savedAt, String time) {
    }

    /** The user saved the article since the page sending this autosave was loaded: the autosave is stale. */
    public static final class SavedSince extends RuntimeException {
        SavedSince() {
            super("You saved this article after this page was opened (perhaps in another tab), so this page's typing"
                    + " was not autosaved. It is kept in this browser; reload the article to go on from the saved text.");
        }
    }

    /** More text than the form can hold. */
    public static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(TOO_LARGE);
        }
    }

    /**
     * What the article form needs to autosave itself, and what it says about an autosave it was filled
     * from. {@code since} is when the text the form shows was saved or autosaved (empty for a blank
     * form): a copy of typing kept in the browser is offered back only when it is newer; {@code now}
     * lets the script tell its clock from the server's.
     */
    public record FormState(String key, String username, String since, String now, Restored restored) {

        /** Where the script sends the form (POST), and where a sign-in that was sent from there returns (GET). */
        public String address() {
            return "/admin/articles/" + key + "/autosave";
        }

        /** Where the typing is kept in this browser while the server cannot take it. */
        public String storageKey() {
            return "newsroom-autosave:" + username + ":" + key;
        }
    }

    /**
     * The form shows an autosave: its time, and who saved the article after the typing started and
     * when (null when nobody did).
     */
    public record Restored(String savedAt, String time, String savedSinceBy, String savedSinceTime) {

        public boolean isSavedSince() {
            return savedSinceBy != null;
        }
    }

    /** The form as the page shows it, and what the script needs. */
    public record Filled(ArticleForm form, FormState state) {
    }

    /** A line of the newsroom home: unsaved changes to an article. */
    public record UnsavedWork(String headline, String time, String savedAt, String url) {
    }

    private final ArticleAutosaveRepository autosaves;
    private final RevisionRepository revisions;
    private final ObjectMapper json;
    private final SiteConfig site;

    ArticleAutosaves(ArticleAutosaveRepository autosaves, RevisionRepository revisions, ObjectMapper json, SiteConfig site) {
        this.autosaves = autosaves;
        this.revisions = revisions;
        this.json = json;
        this.site = site;
    }

    /**
     * Keeps the typed form. A contributor autosaves only their own articles; an autosave from a page
     * older than the user's own last save of the article is refused, so that a request still on its
     * way when the form was saved does not bring back what the save made obsolete.
     */
    @Transactional
    public Saved save(String key, ArticleForm form, NewsroomUser user) {
        Long articleId = articleId(key);
        Long baseVersion = null;
        if (articleId != null) {
            ArticleAutosaveRepository.ArticleState article = autosaves.articleState(articleId)
                    .orElseThrow(NotFoundException::new);
            ArticleDeskService.checkMayOpen(article.createdBy(), user);
            baseVersion = version(form.version);
            if (baseVersion != null && baseVersion < article.version()
                    && user.username().equals(revisions.lastEditor(articleId).orElse(null))) {
                throw new SavedSince();
            }
        }
        String fields = write(typed(form));
        if (fields.length() > MAX_STORED) {
            throw new TooLarge();
        }
        ArticleAutosave autosave = autosaves.findByUserAndKey(user.username(), key).orElseGet(() -> {
            ArticleAutosave fresh = new ArticleAutosave();
            fresh.username = user.username();
            fresh.articleKey = key;
            fresh.articleId = articleId;
            return fresh;
        });
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        autosave.fields = fields;
        autosave.baseVersion = baseVersion;
        autosave.savedAt = now;
        if (autosave.id == null) {
            autosaves.persist(autosave);
        }
        return new Saved(now.toString(), time(now));
    }

    /**
     * The form to show for a new article: the user's autosave of one, when there is one, or the blank
     * form.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Filled fillNew(ArticleForm blank, NewsroomUser user) {
        return autosaves.findByUserAndKey(user.username(), NEW)
                .map(autosave -> new Filled(read(autosave, blank.version), formState(NEW, user, autosave.savedAt,
                        new Restored(autosave.savedAt.toString(), time(autosave.savedAt), null, null))))
                .orElseGet(() -> new Filled(blank, formState(NEW, user, null, null)));
    }

    /**
     * The form to show for an article: the user's autosave of it, unless it holds just what is saved;
     * the article as saved otherwise. A restored form keeps the version its typing started from, so that
     * saving it over someone else's later save is the usual conflict, which asks before replacing theirs.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Filled fill(long articleId, ArticleForm saved, long version, Instant modifiedAt, NewsroomUser user) {
        String key = String.valueOf(articleId);
        return autosaves.findByUserAndKey(user.username(), key)
                .filter(autosave -> !sameText(read(autosave, saved.version), saved))
                .map(autosave -> {
                    long base = autosave.baseVersion == null ? version : autosave.baseVersion;
                    ArticleForm form = read(autosave, String.valueOf(base));
                    String savedSinceBy = base == version ? null : revisions.lastEditor(articleId).orElse("Someone");
                    String savedSinceTime = base == version ? null : time(modifiedAt);
                    return new Filled(form, formState(key, user, autosave.savedAt,
                            new Restored(autosave.savedAt.toString(), time(autosave.savedAt), savedSinceBy, savedSinceTime)));
                })
                .orElseGet(() -> new Filled(saved, formState(key, user, modifiedAt, null)));
    }

    /** What a form sent back as typed (with a message) needs to autosave: it shows the typing of now. */
    public FormState typedNow(Long articleId, NewsroomUser user) {
        return formState(articleId == null ? NEW : String.valueOf(articleId), user, Instant.now(), null);
    }

    private static FormState formState(String key, NewsroomUser user, Instant since, Restored restored) {
        return new FormState(key, user.username(), since == null ? "" : since.toString(), Instant.now().toString(), restored);
    }

    /** Drops the user's autosave of this article ("Discard"); a contributor only of their own. */
    @Transactional
    public void discard(String key, NewsroomUser user) {
        Long articleId = articleId(key);
        if (articleId != null) {
            ArticleDeskService.checkMayOpen(autosaves.articleState(articleId).orElseThrow(NotFoundException::new).createdBy(),
                    user);
        }
        autosaves.deleteByUserAndKey(user.username(), key);
    }

    /** After a real save of the form: the autosave has done its job. */
    @Transactional
    public void clear(String key, String username) {
        autosaves.deleteByUserAndKey(username, key);
    }

    /** The user's unsaved work, the latest first, for the newsroom home. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnsavedWork> unsavedWork(NewsroomUser user) {
        return autosaves.listByUser(user.username()).stream().map(autosave -> {
            String headline = read(autosave, "").headline.strip();
            if (headline.isEmpty()) {
                headline = NEW.equals(autosave.articleKey) ? "a new article without a headline" : "an article without a headline";
            }
            return new UnsavedWork(headline, time(autosave.savedAt), autosave.savedAt.toString(),
                    "/admin/articles/" + autosave.articleKey);
        }).toList();
    }

    /** "10:32" today, in the site's time zone; the site's date and time for an older one. */
    String time(Instant instant) {
        if (LocalDate.ofInstant(instant, site.timeZone()).equals(LocalDate.now(site.timeZone()))) {
            return TIME.withZone(site.timeZone()).format(instant);
        }
        return DateTimeFormatter.ofPattern(site.datePattern()).withZone(site.timeZone()).format(instant);
    }

    /** Null for "new"; the article's id otherwise. */
    static Long articleId(String key) {
        return NEW.equals(key) ? null : Long.valueOf(key);
    }

    private static Long version(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether two forms hold the same text, whichever line endings the browser sent. */
    private static boolean sameText(ArticleForm a, ArticleForm b) {
        Map<String, String> left = typed(a);
        Map<String, String> right = typed(b);
        return left.keySet().stream().allMatch(name -> Objects.equals(lines(left.get(name)), lines(right.get(name))));
    }

    private static String lines(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }

    private static Map<String, String> typed(ArticleForm form) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            for (Field field : TYPED) {
                fields.put(field.getName(), (String) field.get(form));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return fields;
    }

    private ArticleForm read(ArticleAutosave autosave, String version) {
        ArticleForm form = new ArticleForm();
        try {
            Map<String, String> fields = json.readValue(autosave.fields, FIELDS);
            for (Field field : TYPED) {
                String value = fields.get(field.getName());
                if (value != null) {
                    field.set(form, value);
                }
            }
        } catch (JsonProcessingException | IllegalAccessException e) {
            throw new IllegalStateException("An unreadable autosave: " + autosave.id, e);
        }
        form.version = version;
        return form;
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
