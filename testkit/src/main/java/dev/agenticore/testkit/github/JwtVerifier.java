package dev.agenticore.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Checks the App JWT that authenticates {@code POST /app/installations/{id}/access_tokens}. */
final class JwtVerifier {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JwtVerifier() {}

    /**
     * Returns why a JWT is not accepted, or empty when it is: it must have three base64url parts, header
     * {@code alg} RS256, an {@code iss} equal to the App id, an {@code exp} after {@code now}, and an RS256
     * signature that the App's public key verifies.
     */
    static Optional<String> problem(String jwt, Optional<FakeGitHubApi.AppConfig> app, Instant now) {
        if (app.isEmpty()) {
            return Optional.of("No GitHub App is configured on the fake");
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.of("A JSON web token could not be decoded: expected 3 parts, got " + parts.length);
        }
        try {
            JsonNode header = decode(parts[0]);
            JsonNode payload = decode(parts[1]);
            if (!header.path("alg").asText().equals("RS256")) {
                return Optional.of("JWT header alg must be RS256, got " + header.path("alg"));
            }
            if (!payload.path("iss").asText().equals(app.get().appId())) {
                return Optional.of("JWT iss " + payload.path("iss") + " does not match the App id");
            }
            if (!payload.path("exp").canConvertToLong() || payload.path("exp").asLong() <= now.getEpochSecond()) {
                return Optional.of("JWT exp " + payload.path("exp") + " is missing or not in the future");
            }
            if (!signatureValid(parts, app.get())) {
                return Optional.of("JWT signature does not verify against the App's public key");
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("A JSON web token could not be decoded: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return Optional.of("JWT signature check failed: " + e.getMessage());
        }
    }

    private static boolean signatureValid(String[] parts, FakeGitHubApi.AppConfig app) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(app.publicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static JsonNode decode(String part) throws IOException {
        JsonNode node = MAPPER.readTree(Base64.getUrlDecoder().decode(part));
        if (node == null || !node.isObject()) {
            throw new IOException("JWT part is not a JSON object");
        }
        return node;
    }
}
