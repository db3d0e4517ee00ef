package dev.agenticore.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenticore.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Creates the RS256 JSON web tokens that authenticate a GitHub App. */
final class AppJwt {

    /** How far {@code iat} lies in the past, so a server clock that runs behind still accepts the token. */
    static final Duration ISSUED_AT_BACKDATE = Duration.ofSeconds(60);

    /** How far {@code exp} lies ahead; GitHub rejects App JWTs that live longer than 10 minutes. */
    static final Duration LIFETIME = Duration.ofSeconds(540);

    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    private AppJwt() {}

    /**
     * Creates a signed JWT with {@code iat} = now − 60 s, {@code exp} = now + 540 s and {@code iss} = the App id,
     * written as a JSON number when it is numeric.
     *
     * @throws IllegalStateException when the JDK cannot sign with SHA256withRSA or rejects the key
     */
    static String create(String appId, PrivateKey key, Instant now) {
        ObjectNode header = Json.mapper().createObjectNode().put("alg", "RS256").put("typ", "JWT");
        ObjectNode payload = Json.mapper()
                .createObjectNode()
                .put("iat", now.minus(ISSUED_AT_BACKDATE).getEpochSecond())
                .put("exp", now.plus(LIFETIME).getEpochSecond());
        if (appId.matches("[0-9]{1,18}")) {
            payload.put("iss", Long.parseLong(appId));
        } else {
            payload.put("iss", appId);
        }
        String signingInput = encode(Json.write(header)) + "." + encode(Json.write(payload));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64_URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Failed to sign the GitHub App JWT with SHA256withRSA", e);
        }
    }

    private static String encode(String json) {
        return BASE64_URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
