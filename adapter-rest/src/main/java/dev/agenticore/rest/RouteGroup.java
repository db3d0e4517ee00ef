package dev.agenticore.rest;

import io.javalin.config.RoutesConfig;

/** A set of routes that registers itself on the server; lets other modules add endpoints. */
@FunctionalInterface
public interface RouteGroup {

    /** Adds this group's routes. */
    void register(RoutesConfig routes);
}
