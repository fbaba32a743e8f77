package media.icaro.news.newsroom.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.account.Roles;
import media.icaro.news.article.ArticleCard;
import media.icaro.news.article.StorySummary;
import media.icaro.news.front.FrontDefinition;
import media.icaro.news.front.FrontService;
import media.icaro.news.front.Slot;

/**
 * Programmed fronts over JSON: "home" (the front page) and each section's slug (its page). A PUT
 * replaces what is set for the front: a slot it leaves out, or sends as {@code {}}, becomes automatic.
 */
@Path("/api/v1/fronts")
@RolesAllowed(Roles.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class FrontsApi {

    public record FrontSummary(String name, String title, String url) {
    }

    public record FrontList(List<FrontSummary> fronts) {
    }

    /** @param live whether readers see it: a pinned story that is not live leaves its slot automatic */
    public record PinnedJson(long id, String headline, String url, String status, Instant publishedAt, boolean live) {
    }

    public record StoryJson(long id, String headline, String url) {
    }

    /**
     * @param fill "section:slug" or "tag:slug" where an editor chose what fills the slot, else null (the block's own)
     * @param shows the story readers see in the slot now; null when nothing can fill it
     */
    public record SlotJson(int number, PinnedJson pinned, String fill, StoryJson shows) {
    }

    public record BlockJson(String name, String title, List<SlotJson> slots) {
    }

    /** @param version send it back with a PUT: a front saved meanwhile is refused with 409 */
    public record FrontJson(String name, String title, String url, long version, Instant updatedAt, String updatedBy,
            List<BlockJson> blocks) {
    }

    /** @param pinned a story's id, slug or address */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SlotRequest(String pinned, String fill) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlockRequest(String name, List<SlotRequest> slots) {
    }

    /** @param version the version the change is based on (0 for a front never saved); without it, the last save wins */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FrontRequest(Long version, List<BlockRequest> blocks) {
    }

    private final FrontService fronts;
    private final SecurityIdentity identity;

    FrontsApi(FrontService fronts, SecurityIdentity identity) {
        this.fronts = fronts;
        this.identity = identity;
    }

    @GET
    public FrontList list() {
        return new FrontList(fronts.all().stream().map(f -> new FrontSummary(f.name(), f.title(), f.url())).toList());
    }

    @GET
    @Path("{name: [a-z0-9-]+}")
    public FrontJson get(@PathParam("name") String name) {
        return json(fronts.state(definition(name)));
    }

    @PUT
    @Path("{name: [a-z0-9-]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FrontJson put(@PathParam("name") String name, FrontRequest request) {
        ApiErrors.required(request);
        FrontDefinition front = definition(name);
        Map<Slot, FrontService.Choice> choices = new LinkedHashMap<>();
        for (BlockRequest block : request.blocks() == null ? List.<BlockRequest>of() : request.blocks()) {
            if (block == null || block.name() == null || block.slots() == null) {
                ApiErrors.required(null);
            }
            for (int i = 0; i < block.slots().size(); i++) {
                SlotRequest slot = block.slots().get(i);
                choices.put(new Slot(block.name(), i + 1),
                        slot == null ? new FrontService.Choice(null, null) : new FrontService.Choice(slot.pinned(), slot.fill()));
            }
        }
        fronts.save(front, request.version(), choices, identity.getPrincipal().getName());
        return get(name);
    }

    /** Every failure here, sign-in and roles included, answers in the API's JSON. */
    @ServerExceptionMapper
    public Response error(Throwable failure) {
        return ApiErrors.toResponse(failure);
    }

    private FrontDefinition definition(String name) {
        return fronts.definition(name).orElseThrow(NotFoundException::new);
    }

    private static FrontJson json(FrontService.State state) {
        List<BlockJson> blocks = new ArrayList<>();
        Instant now = Instant.now();
        for (FrontService.BlockState block : state.blocks()) {
            List<SlotJson> slots = new ArrayList<>();
            for (FrontService.SlotState slot : block.slots()) {
                StorySummary pinned = slot.pinned();
                ArticleCard shows = slot.shows();
                slots.add(new SlotJson(slot.slot().number(),
                        pinned == null ? null : new PinnedJson(pinned.id(), pinned.headline(), pinned.url(),
                                pinned.status().name().toLowerCase(java.util.Locale.ROOT), pinned.publishedAt(), pinned.isLive(now)),
                        slot.fill().isEmpty() ? null : slot.fill(),
                        shows == null ? null : new StoryJson(shows.id(), shows.headline(), shows.url())));
            }
            blocks.add(new BlockJson(block.block().name(), block.block().title(), slots));
        }
        FrontDefinition front = state.definition();
        return new FrontJson(front.name(), front.title(), front.url(), state.version(), state.updatedAt(), state.updatedBy(),
                blocks);
    }
}
