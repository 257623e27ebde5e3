package io.mailtrip.mailkit.oauth2;

import io.mailtrip.spi.Secret;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The SASL strings byte for byte, against RFC 7628 section 4 and Google's XOAUTH2 description. */
class OAuth2MechanismTest {

    /** RFC 7628 section 4.1, the IMAP example's initial client response. */
    private static final String RFC7628_4_1 = "bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAW"
            + "F1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB";
    /** RFC 7628 section 4.3, the failure challenge. */
    private static final String RFC7628_4_3 = "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwib3BlbmlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxsLWtub3duL29wZW5pZC1jb25maWd1cmF0aW9uIn0=";

    @Test
    void oauthbearerInitialResponseIsTheRfcExampleByteForByte() {
        String response = OAuth2Mechanism.OAUTHBEARER.initialResponse("user@example.com",
                new Secret("vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg=="), "server.example.com", 143);
        assertThat(response).isEqualTo(RFC7628_4_1);
        assertThat(Base64.getDecoder().decode(response)).isEqualTo(("n,a=user@example.com,\u0001host=server.example.com"
                + "\u0001port=143\u0001auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\u0001\u0001")
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void xoauth2InitialResponseIsUserAuthAndTwoCtrlA() {
        // Google's XOAUTH2 example: base64("user=someuser@example.com^Aauth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg^A^A")
        assertThat(OAuth2Mechanism.XOAUTH2.initialResponse("someuser@example.com",
                new Secret("ya29.vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg"), "ignored", 1))
                .isEqualTo("dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2cBAQ==");
    }

    @Test
    void gs2UserNameEscapesCommaAndEquals() {
        String decoded = new String(Base64.getDecoder().decode(OAuth2Mechanism.OAUTHBEARER.initialResponse("a=b,c",
                new Secret("t"), "h", 1)), StandardCharsets.UTF_8);
        assertThat(decoded).startsWith("n,a=a=3Db=2Cc,\u0001");
    }

    @Test
    void errorAcknowledgementIsOneCtrlAForOauthbearerAndEmptyForXoauth2() {
        assertThat(Base64.getDecoder().decode(OAuth2Mechanism.OAUTHBEARER.errorAcknowledgement()))
                .containsExactly(0x01);
        assertThat(OAuth2Mechanism.XOAUTH2.errorAcknowledgement()).isEmpty();
    }

    @Test
    void autoPrefersOauthbearerAndAConfiguredOneMustBeOffered() {
        assertThat(OAuth2Mechanism.choose(List.of("PLAIN", "xoauth2", "OAUTHBEARER"), OAuth2Settings.MechanismChoice.AUTO))
                .contains(OAuth2Mechanism.OAUTHBEARER);
        assertThat(OAuth2Mechanism.choose(List.of("PLAIN", "XOAUTH2"), OAuth2Settings.MechanismChoice.AUTO))
                .contains(OAuth2Mechanism.XOAUTH2);
        assertThat(OAuth2Mechanism.choose(List.of("OAUTHBEARER"), OAuth2Settings.MechanismChoice.XOAUTH2)).isEmpty();
        assertThat(OAuth2Mechanism.choose(List.of("PLAIN", "LOGIN"), OAuth2Settings.MechanismChoice.AUTO)).isEmpty();
    }

    @Test
    void errorChallengeOfTheRfcIsDecoded() {
        ErrorChallenge challenge = ErrorChallenge.decode(RFC7628_4_3);
        assertThat(challenge).isEqualTo(new ErrorChallenge("invalid_token", Optional.of("example_scope")));
        assertThat(challenge.describe()).isEqualTo("status=invalid_token, scope=example_scope");
        // what Dovecot 2.3.19 sends
        assertThat(ErrorChallenge.decode("eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=").describe())
                .isEqualTo("status=invalid_token");
    }

    @Test
    void brokenChallengesAreNamedNeverThrown() {
        assertThat(ErrorChallenge.decode("").status()).isEqualTo("(empty challenge)");
        assertThat(ErrorChallenge.decode("%%%").status()).isEqualTo("(challenge is not base64 JSON)");
        assertThat(ErrorChallenge.decode(Base64.getEncoder().encodeToString("[1]".getBytes(StandardCharsets.UTF_8)))
                .status()).isEqualTo("(challenge without a status)");
        assertThat(ErrorChallenge.decode(Base64.getEncoder().encodeToString(
                "{\"status\":\"bad\\r\\nInjected: line\"}".getBytes(StandardCharsets.UTF_8))).status())
                .doesNotContain("\r", "\n");
        assertThat(ErrorChallenge.decode("A".repeat(5000)).status()).startsWith("(challenge of 5000 characters");
    }
}
