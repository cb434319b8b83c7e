package dev.nce.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.nce.contracts.RuleViolation;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error becomes problem+json. Specific types are listed because Quarkus REST picks the most specific mapper and
 * ships its own for some of them (Jackson mismatched input, validation).
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response replay(dev.nce.kit.idempotency.IdempotentReplay e) { return e.response(); }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response validation(ValidationException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) { return Problems.response(e); }

    @ServerExceptionMapper
    public Response any(Throwable e) { return Problems.response(e); }
}
