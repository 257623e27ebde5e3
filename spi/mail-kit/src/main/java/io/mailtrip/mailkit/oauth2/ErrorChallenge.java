package io.mailtrip.mailkit.oauth2;

import io.mailtrip.mailkit.OneLine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server's answer to a token it refused: a SASL challenge whose payload is base64 JSON such as
 * {@code {"status":"invalid_token","scope":"…","schemes":"bearer"}} (RFC 7628 section 3.2.2). Only
 * {@code status} and {@code scope} are kept, cleaned and cut, for the DOWN message; the token is never
 * part of it.
 *
 * @param status the {@code status} member, or what the payload was when it was no such JSON
 * @param scope  the {@code scope} member, if any
 */
public record ErrorChallenge(String status, Optional<String> scope) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A challenge is a line of a few hundred bytes; more is not an error report. */
    private static final int MAX_PAYLOAD = 4096;

    /** Decodes a challenge's base64 text; never throws. */
    public static ErrorChallenge decode(String base64) {
        String text = base64 == null ? "" : base64.strip();
        if (text.isEmpty()) {
            return new ErrorChallenge("(empty challenge)", Optional.empty());
        }
        if (text.length() > MAX_PAYLOAD) {
            return new ErrorChallenge("(challenge of " + text.length() + " characters not read)", Optional.empty());
        }
        try {
            JsonNode json = JSON.readTree(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
            if (json != null && json.isObject() && json.path("status").isValueNode()) {
                JsonNode scope = json.path("scope");
                return new ErrorChallenge(OneLine.of(json.path("status").asText(), 60),
                        scope.isValueNode() ? Optional.of(OneLine.of(scope.asText(), 100)) : Optional.empty());
            }
            return new ErrorChallenge("(challenge without a status)", Optional.empty());
        } catch (IllegalArgumentException | java.io.IOException e) {
            return new ErrorChallenge("(challenge is not base64 JSON)", Optional.empty());
        }
    }

    /** {@code status=invalid_token, scope=mail}. */
    public String describe() {
        return "status=" + status + scope.map(s -> ", scope=" + s).orElse("");
    }
}
