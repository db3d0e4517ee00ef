package dev.agenticore.rest;

import dev.agenticore.json.Json;
import io.javalin.http.Context;

/** Writes JSON bodies with Agenticore's mapper, so every route speaks the same wire format. */
final class JsonResponses {
    private JsonResponses() {}

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
