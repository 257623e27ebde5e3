package io.mailtrip.mailkit;

import io.mailtrip.spi.Secret;

/** A user name and its password; the password stays a {@link Secret} until the wire. */
public record Credentials(String user, Secret password) {
}
