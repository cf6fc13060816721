package dev.rootline.web;

import dev.rootline.security.SignIn;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;

/** The sign-in form: the token for a page session. The form carries a CSRF token (Quarkus REST CSRF). */
@Path("/login")
@Produces(MediaType.TEXT_HTML)
public class LoginUi {

    private final SignIn signIn;

    LoginUi(SignIn signIn) {
        this.signIn = signIn;
    }

    @GET
    public TemplateInstance form(@QueryParam("next") @DefaultValue("/") String next) {
        return Templates.login(local(next).toString(), null);
    }

    /** The right token sets the session cookie and goes on to the page asked for; a wrong one shows the form again. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(
            @FormParam("token") String token,
            @FormParam("next") @DefaultValue("/") String next,
            @Context HttpServerRequest request) {
        URI target = local(next);
        SignIn.Outcome outcome = signIn.attempt(token, request);
        if (outcome instanceof SignIn.Outcome.Accepted accepted) {
            return Response.seeOther(target).cookie(accepted.session()).build();
        }
        if (outcome instanceof SignIn.Outcome.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            return Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .entity(Templates.login(target.toString(), "Too many tries: wait " + seconds + " s."))
                    .build();
        }
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(Templates.login(target.toString(), "That token is not the one Rootline was given."))
                .build();
    }

    /** Only a path on this site, so the form cannot send anyone elsewhere; anything else goes home. */
    private static URI local(String next) {
        try {
            URI uri = new URI(next);
            boolean relative = uri.getScheme() == null
                    && uri.getRawAuthority() == null
                    && next.startsWith("/")
                    && !next.startsWith("//")
                    && !next.contains("\\");
            return relative ? uri : URI.create("/");
        } catch (URISyntaxException e) {
            return URI.create("/");
        }
    }
}
