package io.mailtrip.mailkit.tls;

import io.mailtrip.mailkit.settings.Choice;

/**
 * The five transport-security modes, the same on every leg (SMTP, POP3, IMAP); a setting is read as one
 * through {@link io.mailtrip.mailkit.settings.MailSettings#securityKey}.
 */
public enum TlsMode implements Choice {
    START_TLS_IF_AVAILABLE("Use STARTTLS if the server offers it", false, false),
    TLS_IF_AVAILABLE("Use implicit TLS if the server speaks it", true, false),
    ENFORCE_START_TLS("Enforce STARTTLS", false, true),
    ENFORCE_TLS("Enforce implicit TLS", true, true),
    NONE("No transport security", false, false);

    private final String label;
    private final boolean implicit;
    private final boolean enforced;

    TlsMode(String label, boolean implicit, boolean enforced) {
        this.label = label;
        this.implicit = implicit;
        this.enforced = enforced;
    }

    @Override
    public String label() {
        return label;
    }

    /** TLS from the first byte (SMTPS/POP3S), rather than an upgrade command. */
    public boolean implicit() {
        return implicit;
    }

    /** The run fails rather than continue in clear. */
    public boolean enforced() {
        return enforced;
    }

    /** Tries an upgrade command (STARTTLS/STLS) after the greeting. */
    public boolean upgrades() {
        return this == START_TLS_IF_AVAILABLE || this == ENFORCE_START_TLS;
    }
}
