package io.mailtrip.mailkit.smtp;

/** The {@code smtpAuthMechanism} choices (RFC 4954); {@code auto} picks from the EHLO AUTH line. */
public enum SmtpAuthMechanism {
    AUTO("auto", "Automatic"),
    PLAIN("plain", "PLAIN"),
    LOGIN("login", "LOGIN"),
    CRAM_MD5("cramMd5", "CRAM-MD5");

    private final String key;
    private final String label;

    SmtpAuthMechanism(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The setting value ({@code cramMd5}). */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
