package media.icaro.news.newsroom.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import media.icaro.news.article.EditorialService;
import media.icaro.news.article.WriteAttempts;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.front.FrontService;

/**
 * The API's one error format, {@code {"errors":[{"field": ..., "message": ...}]}} with a null field
 * for what is not about one field. The API resources send every failure here through their own
 * exception mappers; {@code web.ErrorPages} sends here the failures of {@code /api} requests that
 * no resource matched (unknown addresses, wrong method or content type), which would otherwise
 * answer the site's HTML pages.
 */
public final class ApiErrors {

    public record ErrorList(List<FieldError> errors) {
    }

    public record FieldError(String field, String message) {
    }

    static final String CHALLENGE = "Basic realm=\"newsroom\"";

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    /** Fields that the editorial service names differently from the API. */
    private static final Map<String, String> API_FIELD_NAMES = Map.of("disclaimerText", "disclaimer");

    private ApiErrors() {
    }

    public static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    public static Response toResponse(Throwable failure) {
        if (failure instanceof FieldErrors.Invalid invalid) {
            return answer(400, invalid.errors().messages().entrySet().stream()
                    .map(e -> new FieldError(apiFieldName(e.getKey()), e.getValue())).toList()).build();
        }
        if (failure instanceof EditorialService.EditConflict conflict) {
            return answer(409, "version", "The article is at version " + conflict.currentVersion() + ", last saved by "
                    + conflict.lastEditor() + ": load it again, apply your change and send that version").build();
        }
        if (failure instanceof FrontService.Conflict conflict) {
            return answer(409, "version", "The front is at version " + conflict.currentVersion() + ", last saved by "
                    + conflict.lastEditor() + ": load it again, apply your change and send that version").build();
        }
        if (failure instanceof OptimisticLockException) {
            // Two saves of the same version raced and the database kept the other one.
            return answer(409, "version", "Someone saved the article at the same moment: load it again, apply your change"
                    + " and send that version").build();
        }
        if (WriteAttempts.databaseFailed(failure)) {
            LOG.error("A request failed in the database", failure);
            return answer(503, null, "The database did not complete the request, so nothing was saved: send it again"
                    + " in a moment").header("Retry-After", "5").build();
        }
        if (failure instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch).build();
        }
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException) {
            return answer(401, null, "Sign in with HTTP Basic as a newsroom editor or admin (a wrong username or"
                    + " password is refused, and so is any sign-in after too many failures)")
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
        }
        if (failure instanceof ForbiddenException) {
            return forbidden().build();
        }
        if (failure instanceof WebApplicationException web) {
            if (web.getCause() instanceof JsonProcessingException json) {
                return answer(400, null, "The body is not valid JSON: " + json.getOriginalMessage()).build();
            }
            if (web.getResponse().getStatus() < 500) {
                return refused(web.getResponse()).build();
            }
        }
        LOG.error("API request failed", failure);
        return answer(500, null, "Something went wrong on our side; it has been logged").build();
    }

    /** An answer for a single problem. */
    static Response.ResponseBuilder answer(int status, String field, String message) {
        return answer(status, List.of(new FieldError(field, message)));
    }

    /** A POST or PUT must carry a body; an empty one is refused like a wrong field. */
    static <T> T required(T body) {
        if (body == null) {
            new FieldErrors().add(null, "Send a JSON object").throwIfAny();
        }
        return body;
    }

    private static Response.ResponseBuilder answer(int status, List<FieldError> errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorList(errors));
    }

    private static Response.ResponseBuilder forbidden() {
        return answer(403, null, "Your role may not do this: the API is for editors and admins, and only admins create sections");
    }

    /** JSON that parsed but holds a value of the wrong type, such as a number where a list belongs. */
    private static Response.ResponseBuilder wrongType(MismatchedInputException mismatch) {
        List<JsonMappingException.Reference> path = mismatch.getPath();
        if (path.isEmpty() || path.get(0).getFieldName() == null) {
            return answer(400, null, "Send a JSON object");
        }
        Class<?> type = mismatch.getTargetType();
        String expected;
        if (type != null && Collection.class.isAssignableFrom(type)) {
            expected = "a list of strings";
        } else if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
            expected = "a whole number";
        } else {
            expected = "a string";
        }
        return answer(400, path.get(0).getFieldName(), "Give " + expected + (path.size() > 1 ? " in each entry" : ""));
    }

    /** Refusals thrown as HTTP exceptions (an unknown address or id, a wrong method or content type), in the API's words. */
    private static Response.ResponseBuilder refused(Response refusal) {
        int status = refusal.getStatus();
        return switch (status) {
            case 403 -> forbidden();
            case 404 -> answer(404, null, "Nothing here: no such article, section, front or API address");
            case 405 -> answer(405, null, "This address does not take that method");
            case 406 -> answer(406, null, "The API answers in application/json only");
            case 415 -> answer(415, null, "Send the body as application/json");
            default -> answer(status, null, "The request was refused");
        };
    }

    private static String apiFieldName(String serviceField) {
        return serviceField == null ? null : API_FIELD_NAMES.getOrDefault(serviceField, serviceField);
    }
}
