package io.mailtrip.mailkit.smtp;

import io.mailtrip.mailkit.settings.Choice;

/** The {@code smtpAuthMechanism} choices (RFC 4954); {@code auto} picks from the EHLO AUTH line. */
public enum SmtpAuthMechanism implements Choice {
    AUTO, PLAIN, LOGIN, CRAM_MD5
}
