package dev.rootline.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/login")
@Produces(MediaType.TEXT_HTML)
public class LoginUi {

    private final UiAuth auth;

    LoginUi(UiAuth auth) {
        this.auth = auth;
    }

    @GET
    public TemplateInstance form(@QueryParam("next") @DefaultValue("/") String next) {
        return Templates.login(local(next), false);
    }

    /** The right token sets the cookie and goes on to the page asked for; a wrong one shows the form again. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("token") String token, @FormParam("next") @DefaultValue("/") String next) {
        if (!auth.accepts(token)) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(Templates.login(local(next), true)).build();
        }
        NewCookie cookie = new NewCookie.Builder(UiAuth.COOKIE).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create(local(next))).cookie(cookie).build();
    }

    /** Only paths on this site, so the form cannot send anyone elsewhere. */
    private static String local(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }
}
