package dev.rootline.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides every request, on the path the router uses (see {@link RequestPaths}), before any resource runs: with
 * a token set, nothing is open but the sign-in form, the stylesheet, Pub/Sub push (which has OIDC) and the
 * operational endpoints; the API needs the bearer token; pages need a session, or a browser on this machine
 * reading a page whose path is plainly spelled.
 */
@ApplicationScoped
public class AccessPolicy implements HttpSecurityPolicy {

    private final Access access;

    AccessPolicy(Access access) {
        this.access = access;
    }

    @Override
    public Uni<CheckResult> checkPermission(
            RoutingContext request, Uni<SecurityIdentity> identity, AuthorizationRequestContext context) {
        if (!access.enforced()) {
            return CheckResult.permit();
        }
        String path = RequestPaths.canonical(request.normalizedPath());
        if (RequestPaths.open(path)) {
            return CheckResult.permit();
        }
        boolean api = RequestPaths.api(path);
        HttpMethod method = request.request().method();
        if (!api
                && !path.contains("%")
                && (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && access.config().openPagesLocally()
                && access.origin(request.request()).local()) {
            return CheckResult.permit();
        }
        String needed = api ? TokenAuthentication.API : TokenAuthentication.PAGES;
        return identity.map(id -> id != null && id.hasRole(needed) ? CheckResult.PERMIT : CheckResult.DENY);
    }
}
