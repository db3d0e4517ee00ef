package dev.agenticore.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenticore.json.Json;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 description of the REST API, kept beside this class as
 * {@code openapi.json}. A test compares its paths with the routes the assembled server registers.
 */
public final class OpenApiRoutes implements RouteGroup {
    /** Class-path location of the document. */
    static final String RESOURCE = "openapi.json";

    private final String document;

    /**
     * Loads the document and sets its {@code info.version}.
     *
     * @param version the server's version, such as {@code 0.1.0-SNAPSHOT}
     * @throws IllegalStateException when the document is missing from the jar
     */
    public OpenApiRoutes(String version) {
        ObjectNode parsed = (ObjectNode) load();
        ((ObjectNode) parsed.get("info")).put("version", version);
        this.document = Json.write(parsed);
    }

    /** Returns the document as packaged, without the version set. */
    public static JsonNode load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the class path");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + RESOURCE, e);
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/openapi.json",
                ctx -> ctx.status(200).contentType("application/json").result(document));
    }
}
