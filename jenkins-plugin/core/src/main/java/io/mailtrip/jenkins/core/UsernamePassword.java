package io.mailtrip.jenkins.core;

/**
 * What a username-with-password credential holds, handed over by the host (Jenkins' credentials
 * store). {@link #toString()} masks the password so the record can never print it.
 */
public record UsernamePassword(String username, String password) {

    @Override
    public String toString() {
        return "UsernamePassword[username=" + username + ", password=" + io.mailtrip.spi.Secret.MASK + "]";
    }
}
