package io.mailtrip.spi;

/**
 * One bad setting: the key, and a message that says what is wrong and what is accepted.
 *
 * @param key     the setting key (as in the metadata), or a host-specific location
 * @param message the rule that failed and the accepted values, one line, never the value of a secret
 */
public record ConfigurationProblem(String key, String message) {

    /** {@code "key: message"}, the form every adapter prints. */
    public String line() {
        return key + ": " + message;
    }
}
