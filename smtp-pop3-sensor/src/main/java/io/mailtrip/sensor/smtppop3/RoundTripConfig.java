package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.Credentials;
import io.mailtrip.mailkit.Endpoint;
import io.mailtrip.mailkit.oauth2.OAuth2Settings;
import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.mailkit.smtp.SmtpLeg;
import io.mailtrip.sensor.smtppop3.RoundTripCatalogue.PollMode;
import io.mailtrip.sensor.smtppop3.RoundTripCatalogue.Pop3AuthMode;
import io.mailtrip.spi.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_AUTH;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_HOST;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_INTERVAL;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_PASSWORD;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_POLL_MODE;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_PORT;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_SECURITY;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_TIMEOUT;
import static io.mailtrip.sensor.smtppop3.RoundTripCatalogue.POP3_USER;

/**
 * The typed settings the protocol code reads, taken once from validated {@link Settings} through the
 * catalogue's keys.
 *
 * @param pop3Login       empty when pop3Auth = none (connect only) or oauth2
 * @param pop3OAuth2User  the SASL user name when pop3Auth = oauth2
 * @param oauth2          the instance's token source settings, when a leg uses oauth2
 * @param resultDirectory empty when results are discarded
 */
record RoundTripConfig(String from, String to, String subjectText, SmtpLeg smtp, Endpoint pop3,
                       Duration pop3Interval, PollMode pollMode, Duration maxTripTime, Pop3AuthMode pop3Auth,
                       Optional<Credentials> pop3Login, Optional<String> pop3OAuth2User,
                       Optional<OAuth2Settings> oauth2, Optional<Path> resultDirectory) {

    static RoundTripConfig from(Settings s) {
        Endpoint pop3 = new Endpoint(s.get(POP3_HOST), s.get(POP3_PORT), s.get(POP3_TIMEOUT), s.get(POP3_SECURITY),
                s.get(MailSettings.ADDRESS_FAMILY));
        boolean oauth2 = s.get(POP3_AUTH) == Pop3AuthMode.OAUTH2;
        Optional<Credentials> pop3Login = oauth2 ? Optional.empty() : s.optional(POP3_USER)
                .map(user -> new Credentials(user, s.get(POP3_PASSWORD)));
        return new RoundTripConfig(s.get(MailSettings.FROM), s.get(MailSettings.TO),
                s.optional(MailSettings.SUBJECT_TEXT).orElse(""), SmtpLeg.from(s), pop3, s.get(POP3_INTERVAL),
                s.get(POP3_POLL_MODE), s.get(MailSettings.MAX_TRIP_TIME), s.get(POP3_AUTH), pop3Login,
                oauth2 ? s.optional(POP3_USER) : Optional.empty(), OAuth2Settings.from(s),
                s.optional(MailSettings.RESULT_DIRECTORY));
    }
}
