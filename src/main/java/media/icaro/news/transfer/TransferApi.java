package media.icaro.news.transfer;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;

import media.icaro.news.account.Roles;
import media.icaro.news.newsroom.api.ApiErrors;

/**
 * The site as one archive over the API, for admins: {@code GET /api/v1/export} streams it,
 * {@code POST /api/v1/import} takes one into an empty site (see {@link TransferService}).
 */
@Path("/api/v1")
@RolesAllowed(Roles.ADMIN)
public class TransferApi {

    public static final String IMPORT_PATH = "/api/v1/import";

    /** The API's error format, with the line of the archive that is wrong when there is one. */
    public record ArchiveError(String field, Integer line, String message) {
    }

    public record ArchiveErrors(List<ArchiveError> errors) {
    }

    private final TransferService transfer;

    TransferApi(TransferService transfer) {
        this.transfer = transfer;
    }

    /** Sent as application/x-ndjson, or application/jsonl to a client that asks for it; any Accept gets the archive. */
    @GET
    @Path("export")
    @Produces(MediaType.WILDCARD)
    public Response export(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        StreamingOutput archive = transfer::export;
        boolean jsonl = accept != null && accept.contains(SiteArchive.JSONL);
        return Response.ok(archive, jsonl ? SiteArchive.JSONL : SiteArchive.NDJSON)
                .header("Content-Disposition", "attachment; filename=\"" + transfer.archiveFileName(Instant.now()) + "\"")
                .build();
    }

    /** Any body type reaches this method, so that a wrong one is told in this API's words (415). */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public TransferService.ImportSummary importArchive(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            InputStream archive) {
        if (type == null || !(type.isCompatible(MediaType.valueOf(SiteArchive.NDJSON))
                || type.isCompatible(MediaType.valueOf(SiteArchive.JSONL)))) {
            throw ArchiveRefused.because(ArchiveRefused.Reason.WRONG_TYPE,
                    "Send the archive as " + SiteArchive.NDJSON + " (or " + SiteArchive.JSONL + ")");
        }
        return transfer.importArchive(archive);
    }

    /** Every failure answers in the API's JSON; a refused archive says which line is wrong. */
    @ServerExceptionMapper
    public Response error(Throwable failure) {
        if (failure instanceof ArchiveRefused refused) {
            return answer(refused.reason().status(), refused.line(), refused.getMessage());
        }
        if (failure instanceof ForbiddenException) {
            return answer(403, null, "Only admins export and import the site");
        }
        return ApiErrors.toResponse(failure);
    }

    private static Response answer(int status, Integer line, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ArchiveErrors(List.of(new ArchiveError(null, line, message)))).build();
    }
}
