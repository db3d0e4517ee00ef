package dev.agenticore.rest;

import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.json.ResponseBodies;
import io.javalin.config.RoutesConfig;

/** {@code GET /profiles}. */
public final class ProfileRoutes implements RouteGroup {
    private final ProfileCatalog profiles;

    /** Creates the route over a profile catalog. */
    public ProfileRoutes(ProfileCatalog profiles) {
        this.profiles = profiles;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/profiles", ctx -> JsonResponses.send(ctx, 200, ResponseBodies.profiles(profiles.list())));
    }
}
