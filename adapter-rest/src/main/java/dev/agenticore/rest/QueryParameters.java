package dev.agenticore.rest;

import dev.agenticore.core.InvalidRequestException;
import io.javalin.http.Context;

/** Reads query parameters and rejects malformed ones with a message that names the parameter. */
final class QueryParameters {
    private QueryParameters() {}

    /** Returns an integer parameter, or null when it is absent or empty. */
    static Integer optionalInt(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, name + " must be an integer, got '" + abbreviate(value) + "'");
        }
    }

    /** Returns a long parameter or header value, or the fallback when it is absent or empty. */
    static long longValue(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(
                    name, name + " must be a non-negative integer, got '" + abbreviate(value) + "'");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
