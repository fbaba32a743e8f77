package media.icaro.news.newsroom;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.account.Roles;

/**
 * Where signing in lands. With unsaved work autosaved from the article form, it lists that work
 * first, so that the next sign-in returns to it; otherwise the newsroom opens on the article list.
 */
@Path("/admin")
@RolesAllowed(Roles.CONTRIBUTOR)
public class NewsroomHome {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(NewsroomUser user, List<ArticleAutosaves.UnsavedWork> unsaved);
    }

    private final ArticleAutosaves autosaves;
    private final SecurityIdentity identity;

    NewsroomHome(ArticleAutosaves autosaves, SecurityIdentity identity) {
        this.autosaves = autosaves;
        this.identity = identity;
    }

    @GET
    @Produces(ArticleDesk.HTML)
    public Response home() {
        NewsroomUser user = NewsroomUser.of(identity);
        List<ArticleAutosaves.UnsavedWork> unsaved = autosaves.unsavedWork(user);
        if (unsaved.isEmpty()) {
            return Response.seeOther(URI.create("/admin/articles")).build();
        }
        return Response.ok(Templates.home(user, unsaved)).build();
    }
}
