package media.icaro.news.newsroom.api;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import media.icaro.news.account.Roles;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;

/** Sections over JSON, in navigation order: editors read them, admins create them. */
@Path("/api/v1/sections")
@RolesAllowed(Roles.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class SectionsApi {

    /** @param position where it goes in the navigation, 0 first; none puts it last */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SectionRequest(String slug, String name, String description, Integer position) {
    }

    /** @param url the section's public page */
    public record SectionJson(long id, String slug, String name, String description, int position, String url) {
    }

    public record SectionList(List<SectionJson> sections) {
    }

    private final SectionService sections;

    SectionsApi(SectionService sections) {
        this.sections = sections;
    }

    @GET
    public SectionList list() {
        List<SectionView> navigation = sections.navigation();
        return new SectionList(IntStream.range(0, navigation.size()).mapToObj(i -> json(navigation.get(i), i)).toList());
    }

    @GET
    @Path("{slug: [a-z0-9-]+}")
    public SectionJson get(@PathParam("slug") String slug) {
        return list().sections().stream().filter(s -> s.slug().equals(slug)).findFirst().orElseThrow(NotFoundException::new);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(SectionRequest request) {
        ApiErrors.required(request);
        SectionView created = sections.create(request.slug(), request.name(), request.description(), request.position());
        return Response.created(URI.create("/api/v1/sections/" + created.slug())).entity(get(created.slug())).build();
    }

    /** Every failure here, sign-in and roles included, answers in the API's JSON, not as the site's HTML pages. */
    @ServerExceptionMapper
    public Response error(Throwable failure) {
        return ApiErrors.toResponse(failure);
    }

    private static SectionJson json(SectionView section, int position) {
        return new SectionJson(section.id(), section.slug(), section.name(), section.description(), position, section.url());
    }
}
