package media.icaro.news.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import media.icaro.news.domain.FieldErrors;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;

/**
 * What the newsroom's sections page does: show every section with its article count and its own
 * form, read the typed position, and hand the rest to the {@link SectionService}.
 */
@ApplicationScoped
public class SectionDeskService {

    /** Everything the sections page shows; {@code failed} is the section whose form came back with errors. */
    public record Page(NewsroomUser user, List<Row> rows, SectionForm form, FieldErrors errors, Long failed,
            String notice) {

        /** The errors of the new-section form: none while a section's own form is the one that failed. */
        public FieldErrors createErrors() {
            return failed == null ? errors : new FieldErrors();
        }
    }

    /** One section, its place in the navigation (1 first), how many articles it holds, and its form. */
    public record Row(SectionView section, int position, long articles, SectionForm form, FieldErrors errors) {
    }

    private final SectionService sections;

    SectionDeskService(SectionService sections) {
        this.sections = sections;
    }

    public Page page(NewsroomUser user, String notice) {
        return new Page(user, rows(null, null, new FieldErrors()), new SectionForm(), new FieldErrors(), null, notice);
    }

    /** The page with the new-section form sent back as typed, with the messages beside its fields. */
    public Page withCreateErrors(NewsroomUser user, SectionForm form, FieldErrors errors) {
        return new Page(user, rows(null, null, new FieldErrors()), form, errors, null, null);
    }

    /** The page with one section's form sent back as typed (or as it was, for a refused delete), with its messages. */
    public Page withErrors(NewsroomUser user, long id, SectionForm form, FieldErrors errors) {
        return new Page(user, rows(id, form, errors), new SectionForm(), errors, id, null);
    }

    public SectionView create(SectionForm form) {
        return sections.create(form.slug, form.name, form.description, position(form));
    }

    public SectionView update(long id, SectionForm form) {
        return sections.update(id, form.name, form.description, position(form));
    }

    public void delete(long id) {
        sections.delete(id);
    }

    /**
     * The typed position, 1 first, as the service's 0-based index; null when left empty. One that
     * is not a number is reported on its own: the service checks the rest only when it writes.
     */
    private static Integer position(SectionForm form) {
        String typed = form.position == null ? "" : form.position.strip();
        if (typed.isEmpty()) {
            return null;
        }
        if (!typed.matches("[0-9]{1,4}") || Integer.parseInt(typed) < 1) {
            new FieldErrors().add("position", "Give a whole number: 1 is first in the navigation").throwIfAny();
        }
        return Integer.parseInt(typed) - 1;
    }

    private List<Row> rows(Long failed, SectionForm typed, FieldErrors errors) {
        Map<Long, Long> counts = sections.articleCounts();
        List<Row> rows = new ArrayList<>();
        List<SectionView> navigation = sections.navigation();
        for (int i = 0; i < navigation.size(); i++) {
            SectionView section = navigation.get(i);
            boolean isFailed = failed != null && failed == section.id();
            rows.add(new Row(section, i + 1, counts.getOrDefault(section.id(), 0L),
                    isFailed && typed != null ? typed : fill(section, i + 1),
                    isFailed ? errors : new FieldErrors()));
        }
        return rows;
    }

    private static SectionForm fill(SectionView section, int position) {
        SectionForm form = new SectionForm();
        form.slug = section.slug();
        form.name = section.name();
        form.description = section.description() == null ? "" : section.description();
        form.position = String.valueOf(position);
        return form;
    }
}
