package media.icaro.news.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.account.Roles;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.newsroom.NewsroomUser;

/**
 * The newsroom's "Move the site" page, for admins: download the whole site as an archive, and upload
 * one into an empty site. A refused archive comes back as the page with the reason beside the file
 * field; a successful import redirects to the page with what it brought in.
 */
@Path(TransferDesk.PATH)
@RolesAllowed(Roles.ADMIN)
@Produces(TransferDesk.HTML)
public class TransferDesk {

    public static final String PATH = "/admin/site/transfer";
    /** Where an upload over the size limit is sent back to (see web.BodyLimits): it is refused before it is read. */
    public static final String TOO_LARGE = PATH + "?refused=too-large";

    static final String HTML = "text/html;charset=UTF-8";

    /** What the page shows: the site's content, and the result of the last import or its refusal. */
    public record Page(NewsroomUser user, TransferService.Overview site, List<Count> holds, List<Count> imported,
            long kept, FieldErrors errors) {
    }

    /** A number of records of one type, as a sentence says it: "6 sections". */
    public record Count(long number, String type) {

        public String words() {
            String noun = switch (type) {
                case "redirect" -> "old address";
                default -> type;
            };
            return number + " " + (number == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Page page);
    }

    private final TransferService transfer;
    private final SecurityIdentity identity;

    TransferDesk(TransferService transfer, SecurityIdentity identity) {
        this.transfer = transfer;
        this.identity = identity;
    }

    /** After an import, the query names what it brought in: {@code ?imported=article:36,...&kept=1}. */
    @GET
    public TemplateInstance page(@RestQuery String refused, @RestQuery String imported, @RestQuery Long kept) {
        FieldErrors errors = new FieldErrors();
        if ("too-large".equals(refused)) {
            errors.add("archive", transfer.tooLargeMessage());
        }
        return Templates.page(page(errors, parse(imported), kept == null ? 0 : kept));
    }

    /** The same archive as {@code GET /api/v1/export}, for a signed-in admin's browser. */
    @GET
    @Path("archive")
    @Produces(SiteArchive.NDJSON)
    public Response download() {
        StreamingOutput archive = transfer::export;
        return Response.ok(archive)
                .header("Content-Disposition", "attachment; filename=\"" + transfer.archiveFileName(Instant.now()) + "\"")
                .build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("archive") @PartType(MediaType.APPLICATION_OCTET_STREAM) FileUpload archive) {
        if (archive == null || archive.uploadedFile() == null || archive.size() == 0) {
            return refused(400, new FieldErrors().add("archive", "Choose the archive file to import (a .jsonl file"
                    + " downloaded from a site's \"Move the site\" page)"));
        }
        TransferService.ImportSummary summary;
        try (InputStream in = Files.newInputStream(archive.uploadedFile())) {
            summary = transfer.importArchive(in);
        } catch (ArchiveRefused e) {
            return refused(e.reason().status(), new FieldErrors().add("archive", e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String counts = summary.imported().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
        return Response.seeOther(URI.create(PATH + "?imported=" + counts + "&kept=" + summary.accountsKept().size())).build();
    }

    private Response refused(int status, FieldErrors errors) {
        return Response.status(status).entity(Templates.page(page(errors, List.of(), 0))).build();
    }

    private Page page(FieldErrors errors, List<Count> imported, long kept) {
        TransferService.Overview site = transfer.overview();
        List<Count> holds = new ArrayList<>();
        site.counts().forEach((type, number) -> holds.add(new Count(number, type)));
        return new Page(NewsroomUser.of(identity), site, holds, imported, kept, errors);
    }

    /** The counts in the redirect after an import; anything else in it is ignored. */
    private static List<Count> parse(String imported) {
        List<Count> counts = new ArrayList<>();
        if (imported == null) {
            return counts;
        }
        for (String pair : imported.split(",")) {
            String[] parts = pair.split(":", 2);
            if (parts.length == 2 && SiteArchive.TYPES.contains(parts[0]) && parts[1].matches("[0-9]{1,12}")) {
                counts.add(new Count(Long.parseLong(parts[1]), parts[0]));
            }
        }
        return counts;
    }
}
