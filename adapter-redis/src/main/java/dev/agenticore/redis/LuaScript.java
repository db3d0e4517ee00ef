package dev.agenticore.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run with {@code EVALSHA}, falling back to {@code EVAL} when the server does not have
 * it cached yet (after a restart, for example).
 *
 * @param source the script
 * @param sha1 hex SHA-1 of the source, as Redis names cached scripts
 */
record LuaScript(String source, String sha1) {

    /** Creates a script and computes its SHA-1. */
    static LuaScript of(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new LuaScript(source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
