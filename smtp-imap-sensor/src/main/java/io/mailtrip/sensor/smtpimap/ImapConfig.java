package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.Credentials;
import io.mailtrip.mailkit.Endpoint;

import java.time.Duration;
import java.util.Optional;

/**
 * The IMAP side of the settings, typed.
 *
 * @param login      empty when imapAuth = none (connect and greeting only)
 * @param folder     the folder the probes arrive in (imapFolder)
 * @param idle       wait with IDLE when the server offers it (imapWait = idle)
 * @param interval   longest pause between two checks when polling (imapInterval)
 * @param moveFolder where probes go when the server has MOVE but no UIDPLUS (imapMoveFolder)
 */
record ImapConfig(Endpoint endpoint, Optional<Credentials> login, String folder, boolean idle, Duration interval,
                  Duration maxTripTime, Optional<String> moveFolder) {
}
