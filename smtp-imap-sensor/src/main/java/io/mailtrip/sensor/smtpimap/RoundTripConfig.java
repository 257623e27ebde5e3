package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.oauth2.OAuth2Settings;

import io.mailtrip.mailkit.Credentials;
import io.mailtrip.mailkit.Endpoint;
import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.mailkit.smtp.SmtpLeg;
import io.mailtrip.spi.Settings;

import java.nio.file.Path;
import java.util.Optional;

import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_AUTH;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_FOLDER;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_HOST;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_INTERVAL;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_MOVE_FOLDER;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_PASSWORD;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_PORT;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_SECURITY;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_TIMEOUT;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_USER;
import static io.mailtrip.sensor.smtpimap.ImapCatalogue.IMAP_WAIT;

/**
 * The typed settings the protocol code reads, taken once from validated {@link Settings} through the
 * catalogue's keys.
 *
 * @param imap            the IMAP leg
 * @param oauth2          the token source when a leg uses oauth2
 * @param resultDirectory empty when results are discarded
 */
record RoundTripConfig(String from, String to, String subjectText, SmtpLeg smtp, ImapConfig imap,
                       Optional<OAuth2Settings> oauth2, Optional<Path> resultDirectory) {

    static RoundTripConfig from(Settings s) {
        Endpoint endpoint = new Endpoint(s.get(IMAP_HOST), s.get(IMAP_PORT), s.get(IMAP_TIMEOUT), s.get(IMAP_SECURITY),
                s.get(MailSettings.ADDRESS_FAMILY));
        boolean login = s.get(IMAP_AUTH) == ImapCatalogue.ImapAuth.PASSWORD;
        // imapAuth=none hides the waiting settings: nothing waits then, the trip time stands in for them.
        ImapConfig imap = new ImapConfig(endpoint,
                login ? Optional.of(new Credentials(s.get(IMAP_USER), s.get(IMAP_PASSWORD))) : Optional.empty(),
                s.get(IMAP_AUTH) == ImapCatalogue.ImapAuth.OAUTH2 ? Optional.of(s.get(IMAP_USER)) : Optional.empty(),
                s.optional(IMAP_FOLDER).orElse("INBOX"),
                s.optional(IMAP_WAIT).orElse(ImapCatalogue.ImapWaitMode.IDLE) == ImapCatalogue.ImapWaitMode.IDLE,
                s.optional(IMAP_INTERVAL).orElse(s.get(MailSettings.MAX_TRIP_TIME)), s.get(MailSettings.MAX_TRIP_TIME),
                s.optional(IMAP_MOVE_FOLDER).filter(folder -> !folder.isBlank()));
        return new RoundTripConfig(s.get(MailSettings.FROM), s.get(MailSettings.TO),
                s.optional(MailSettings.SUBJECT_TEXT).orElse(""), SmtpLeg.from(s), imap, OAuth2Settings.from(s),
                s.optional(MailSettings.RESULT_DIRECTORY));
    }
}
