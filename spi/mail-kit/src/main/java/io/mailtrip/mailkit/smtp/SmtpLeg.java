package io.mailtrip.mailkit.smtp;

import io.mailtrip.mailkit.Credentials;
import io.mailtrip.mailkit.Endpoint;
import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.spi.Settings;

import java.util.Optional;

/**
 * What the SMTP leg needs, read once from validated settings through the shared keys of
 * {@link MailSettings}.
 *
 * @param endpoint  smtpHost, smtpPort, smtpTimeout, smtpSecurity
 * @param heloIdent the EHLO name (RFC 5321 section 4.1.1.1)
 * @param auth      empty when smtpAuth = none
 * @param mechanism smtpAuthMechanism ({@code auto} when AUTH is off)
 * @param oauth2User the SASL user name when smtpAuth = oauth2
 */
public record SmtpLeg(Endpoint endpoint, String heloIdent, Optional<Credentials> auth, SmtpAuthMechanism mechanism,
                      Optional<String> oauth2User) {

    /** A leg without OAuth 2.0. */
    public SmtpLeg(Endpoint endpoint, String heloIdent, Optional<Credentials> auth, SmtpAuthMechanism mechanism) {
        this(endpoint, heloIdent, auth, mechanism, Optional.empty());
    }

    public static SmtpLeg from(Settings settings) {
        Endpoint endpoint = new Endpoint(settings.get(MailSettings.SMTP_HOST), settings.get(MailSettings.SMTP_PORT),
                settings.get(MailSettings.SMTP_TIMEOUT), settings.get(MailSettings.SMTP_SECURITY),
                settings.get(MailSettings.ADDRESS_FAMILY));
        boolean oauth2 = settings.get(MailSettings.SMTP_AUTH) == MailSettings.SmtpAuth.OAUTH2;
        Optional<Credentials> auth = oauth2 ? Optional.empty() : settings.optional(MailSettings.SMTP_USER)
                .map(user -> new Credentials(user, settings.get(MailSettings.SMTP_PASSWORD)));
        return new SmtpLeg(endpoint, settings.get(MailSettings.HELO_IDENT), auth,
                settings.optional(MailSettings.SMTP_AUTH_MECHANISM).orElse(SmtpAuthMechanism.AUTO),
                oauth2 ? settings.optional(MailSettings.SMTP_USER) : Optional.empty());
    }
}
