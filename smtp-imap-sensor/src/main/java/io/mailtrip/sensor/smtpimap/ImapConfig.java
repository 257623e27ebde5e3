package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.Credentials;
import io.mailtrip.mailkit.Endpoint;

import java.time.Duration;
import java.util.Optional;

/**
 * The IMAP side of the settings, typed.
 *
 * @param login      empty when imapAuth = none (connect and greeting only) or oauth2
 * @param oauth2User the SASL user name when imapAuth = oauth2
 * @param folder     the folder the probes arrive in (imapFolder)
 * @param idle       wait with IDLE when the server offers it (imapWait = idle)
 * @param interval   longest pause between two checks when polling (imapInterval)
 * @param moveFolder where probes go when the server has MOVE but no UIDPLUS (imapMoveFolder)
 */
record ImapConfig(Endpoint endpoint, Optional<Credentials> login, Optional<String> oauth2User, String folder,
                  boolean idle, Duration interval, Duration maxTripTime, Optional<String> moveFolder) {

    /** A leg without OAuth 2.0. */
    ImapConfig(Endpoint endpoint, Optional<Credentials> login, String folder, boolean idle, Duration interval,
               Duration maxTripTime, Optional<String> moveFolder) {
        this(endpoint, login, Optional.empty(), folder, idle, interval, maxTripTime, moveFolder);
    }

    /** Whether the leg logs in (imapAuth = password or oauth2); otherwise it connects only. */
    boolean logsIn() {
        return login.isPresent() || oauth2User.isPresent();
    }
}
