package io.mailtrip.mailkit.smtp;

import io.mailtrip.mailkit.settings.Choice;

/** The {@code smtpAuthMechanism} choices (RFC 4954); {@code auto} picks from the EHLO AUTH line. */
public enum SmtpAuthMechanism implements Choice {
    AUTO("Automatic"), PLAIN("PLAIN"), LOGIN("LOGIN"), CRAM_MD5("CRAM-MD5");

    private final String label;

    SmtpAuthMechanism(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
