package dev.nce.kit.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.problem.Problem;
import dev.nce.kit.problem.Problems;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Idempotency-Key on POST (API.md conventions): scoped to (token subject, method, path, key); a repeat with the same
 * canonical body returns the first answer (same status and body) and does nothing else; another body is 422
 * idempotency-key-reused; a repeat while the first still runs waits up to 10 s, then 409. Runs outside (before) the
 * business transaction.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    IdempotencyStore store;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper mapper;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        if (!ctx.getMethod().isAnnotationPresent(POST.class) || currentRequest.getCurrent() == null) {
            return ctx.proceed();
        }
        HttpServerRequest http = currentRequest.getCurrent().request();
        String key = http.getHeader(HEADER);
        if (key == null) {
            return ctx.proceed();
        }
        validate(key);
        String scope = sha256(caller.subject() + "\n" + http.method() + "\n" + http.path() + "\n" + key);
        String requestHash = sha256(canonicalBody(ctx));
        Optional<IdempotencyStore.StoredAnswer> prior = store.claim(scope, requestHash);
        if (prior.isPresent()) {
            IdempotencyStore.StoredAnswer answer = prior.get();
            throw new IdempotentReplay(Response.status(answer.status())
                    .type(answer.contentType() == null ? MediaType.APPLICATION_JSON : answer.contentType())
                    .entity(answer.body() == null ? "" : answer.body()).build());
        }
        Object result;
        try {
            result = ctx.proceed();
        } catch (Exception | Error e) {
            Problem problem = Problems.from(e);
            if (problem.status() < 500) {
                store.complete(scope, problem.status(), Problem.MEDIA_TYPE, mapper.writeValueAsString(problem));
            } else {
                store.release(scope);
            }
            throw e;
        }
        int status;
        Object entity;
        if (result instanceof Response response) {
            status = response.getStatus();
            entity = response.getEntity();
        } else {
            ResponseStatus annotated = ctx.getMethod().getAnnotation(ResponseStatus.class);
            status = annotated != null ? annotated.value() : (result == null ? 204 : 200);
            entity = result;
        }
        if (status < 500) {
            String body = entity == null ? null : entity instanceof String s ? s : mapper.writeValueAsString(entity);
            completeCommitted(scope, status, body);
        } else {
            store.release(scope);
        }
        return result;
    }

    /**
     * Issue 15 item 8: the business change has committed, so its answer goes to the client even if storing it fails
     * (it used to become a 500 for a purchase that was made). Storing is retried; if it still fails the claim stays
     * "in progress" and a retry waits, then gets 409, until the claim timeout; it is never a second execution within it.
     */
    private void completeCommitted(String scope, int status, String body) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.complete(scope, status, MediaType.APPLICATION_JSON, body);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 3) {
                    org.jboss.logging.Logger.getLogger(IdempotencyInterceptor.class).errorf(e,
                            "could not store the answer of a committed request (Idempotency-Key scope %s)", scope);
                    return;
                }
            }
        }
    }

    private static void validate(String key) {
        if (key.isEmpty() || key.length() > 255) {
            throw RuleViolation.invalidField(HEADER, "Idempotency-Key must have 1 to 255 characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw RuleViolation.invalidField(HEADER, "Idempotency-Key must be printable ASCII");
            }
        }
    }

    /** The request entity as canonical JSON: keys sorted, nulls dropped; no body equals {}. */
    private String canonicalBody(InvocationContext ctx) throws Exception {
        Object entity = null;
        Annotation[][] annotations = ctx.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            if (isEntityParameter(annotations[i])) {
                entity = ctx.getParameters()[i];
                break;
            }
        }
        if (entity == null) {
            return "{}";
        }
        JsonNode tree = mapper.valueToTree(entity);
        return mapper.writeValueAsString(sorted(tree));
    }

    /** The entity is the one parameter without a JAX-RS binding annotation (@PathParam, @QueryParam, @Context...). */
    private static boolean isEntityParameter(Annotation[] annotations) {
        for (Annotation a : annotations) {
            String pkg = a.annotationType().getPackageName();
            if (pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive")) {
                return false;
            }
        }
        return true;
    }

    private Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = ((ObjectNode) node).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    map.put(field.getKey(), sorted(field.getValue()));
                }
            }
            return map;
        }
        if (node.isArray()) {
            java.util.List<Object> list = new java.util.ArrayList<>();
            node.forEach(n -> list.add(sorted(n)));
            return list;
        }
        return node;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
