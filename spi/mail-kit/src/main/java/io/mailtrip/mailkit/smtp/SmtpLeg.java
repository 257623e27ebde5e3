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
 */
public record SmtpLeg(Endpoint endpoint, String heloIdent, Optional<Credentials> auth, SmtpAuthMechanism mechanism) {

    public static SmtpLeg from(Settings settings) {
        Endpoint endpoint = new Endpoint(settings.get(MailSettings.SMTP_HOST), settings.get(MailSettings.SMTP_PORT),
                settings.get(MailSettings.SMTP_TIMEOUT), settings.get(MailSettings.SMTP_SECURITY),
                settings.get(MailSettings.ADDRESS_FAMILY));
        Optional<Credentials> auth = settings.optional(MailSettings.SMTP_USER)
                .map(user -> new Credentials(user, settings.get(MailSettings.SMTP_PASSWORD)));
        return new SmtpLeg(endpoint, settings.get(MailSettings.HELO_IDENT), auth,
                settings.optional(MailSettings.SMTP_AUTH_MECHANISM).orElse(SmtpAuthMechanism.AUTO));
    }
}
