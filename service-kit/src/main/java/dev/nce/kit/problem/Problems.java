package dev.nce.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** The API.md error table as one function: any throwable to its problem+json (never a stack trace in the body). */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    private Problems() {}

    public static Response response(Throwable t) {
        return response(from(t));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Problem from(Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof RuleViolation rv) {
            return Problem.of(ErrorCode.status(rv.code()), rv.code(), rv.getMessage(), rv.rule(), rv.details());
        }
        if (cause instanceof UnrecognizedPropertyException e) {
            String path = path(e);
            String field = path.isEmpty() ? e.getPropertyName() : path;
            return invalid(field, "unknown field '" + e.getPropertyName() + "'");
        }
        if (cause instanceof InvalidFormatException e) {
            return invalid(path(e), "invalid value " + describe(e.getValue()) + " for " + path(e));
        }
        if (cause instanceof ValueInstantiationException e) {
            Throwable inner = e.getCause() != null ? e.getCause() : e;
            if (inner instanceof RuleViolation rv) {
                return from(rv);
            }
            return invalid(path(e).isEmpty() ? "body" : path(e), inner.getMessage());
        }
        if (cause instanceof JsonParseException) {
            return invalid("body", "malformed JSON");
        }
        if (cause instanceof JsonMappingException e) {
            String path = path(e);
            String limit = e.getOriginalMessage() != null && (e.getOriginalMessage().startsWith("a string ")
                    || e.getOriginalMessage().startsWith("a list ")) ? ": " + e.getOriginalMessage() : "";
            return invalid(path.isEmpty() ? "body" : path, path.isEmpty() ? "request body does not match"
                    : "invalid value for " + path + limit);
        }
        if (cause instanceof JsonProcessingException) {
            return invalid("body", "malformed JSON");
        }
        if (cause instanceof ConstraintViolationException e) {
            Iterator<ConstraintViolation<?>> it = e.getConstraintViolations().iterator();
            if (it.hasNext()) {
                ConstraintViolation<?> v = it.next();
                String field = field(v.getPropertyPath());
                return invalid(field, field + " " + v.getMessage());
            }
            return invalid("body", "validation failed");
        }
        if (cause instanceof UnauthorizedException || cause instanceof AuthenticationFailedException
                || cause instanceof AuthenticationCompletionException) {
            return Problem.of(401, ErrorCode.UNAUTHORIZED, "a valid bearer token is required", null, Map.of());
        }
        if (cause instanceof ForbiddenException) {
            return Problem.of(403, ErrorCode.FORBIDDEN, "the token lacks the role this endpoint needs", null, Map.of());
        }
        if (cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
            return Problem.of(409, ErrorCode.CONCURRENT_MODIFICATION, "the resource was changed concurrently; retry",
                    null, Map.of());
        }
        if (cause instanceof NotFoundException) {
            return Problem.of(404, ErrorCode.NOT_FOUND, "resource not found", null, Map.of());
        }
        if (cause instanceof NotAllowedException) {
            return Problem.of(405, ErrorCode.METHOD_NOT_ALLOWED, "method not allowed", null, Map.of());
        }
        if (cause instanceof NotAcceptableException) {
            return Problem.of(406, ErrorCode.NOT_ACCEPTABLE, "no acceptable representation", null, Map.of());
        }
        if (cause instanceof NotSupportedException) {
            return Problem.of(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported media type", null, Map.of());
        }
        if (cause instanceof WebApplicationException e && e.getResponse() != null && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            String code = status == 400 ? ErrorCode.VALIDATION_FAILED : status == 404 ? ErrorCode.NOT_FOUND : "http-" + status;
            Map<String, Object> ext = status == 400 ? Map.of("field", "body") : Map.of();
            return Problem.of(status, code, e.getMessage(), null, ext);
        }
        if (cause instanceof java.io.IOException io && String.valueOf(io.getMessage()).contains("multipart")) {
            // a multipart body that does not parse (bad boundary, truncated part) is the client's, never a 500
            return invalid("file", "the multipart/form-data body could not be read");
        }
        if (DatabaseOutage.isOutage(t)) {
            LOG.warnf("database unavailable: %s", String.valueOf(t));
            return Problem.of(503, ErrorCode.SERVICE_UNAVAILABLE, "the service's database is unavailable; retry later",
                    null, Map.of());
        }
        LOG.error("unexpected error", t);
        return Problem.of(500, ErrorCode.INTERNAL_ERROR, "internal error", null, Map.of());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        for (int i = 0; i < 10 && current != null; i++) {
            if (current instanceof RuleViolation || current instanceof JsonProcessingException
                    || current instanceof ConstraintViolationException || current instanceof OptimisticLockException
                    || current instanceof org.hibernate.StaleStateException) {
                return current;
            }
            Throwable next = current.getCause();
            if (next == null || next == current) {
                break;
            }
            if (current instanceof WebApplicationException && !(next instanceof JsonProcessingException)
                    && !(next instanceof RuleViolation)) {
                break;
            }
            current = next;
        }
        return unwrapTo(t);
    }

    private static Throwable unwrapTo(Throwable t) {
        Throwable current = t;
        while ((current instanceof jakarta.transaction.RollbackException
                || current instanceof io.quarkus.arc.ArcUndeclaredThrowableException
                || current.getClass().getName().startsWith("jakarta.persistence.PersistenceException"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static Problem invalid(String field, String detail) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("field", field);
        return Problem.of(400, ErrorCode.VALIDATION_FAILED, detail, null, ext);
    }

    /** Jackson's reference path as a dotted path with indexes: prices[0].basePrice. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Bean-validation path without the method and parameter nodes: create.request.quantity -> quantity. */
    static String field(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && !sb.isEmpty()) {
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String describe(Object value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
