package io.mailtrip.sensor.smtpimap;

import io.mailtrip.spi.Secret;

/** A user name and its password; the password stays a {@link Secret} until the wire. */
record Credentials(String user, Secret password) {
}
