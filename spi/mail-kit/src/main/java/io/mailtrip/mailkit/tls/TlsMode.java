package io.mailtrip.mailkit.tls;

import io.mailtrip.mailkit.settings.Choice;

/**
 * The five transport-security modes, the same on every leg (SMTP, POP3, IMAP); a setting is read as one
 * through {@link io.mailtrip.mailkit.settings.MailSettings#securityKey}.
 */
public enum TlsMode implements Choice {
    START_TLS_IF_AVAILABLE, TLS_IF_AVAILABLE, ENFORCE_START_TLS, ENFORCE_TLS, NONE;

    /** TLS from the first byte (SMTPS/POP3S), rather than an upgrade command. */
    public boolean implicit() {
        return this == TLS_IF_AVAILABLE || this == ENFORCE_TLS;
    }

    /** The run fails rather than continue in clear. */
    public boolean enforced() {
        return this == ENFORCE_START_TLS || this == ENFORCE_TLS;
    }

    /** Tries an upgrade command (STARTTLS/STLS) after the greeting. */
    public boolean upgrades() {
        return this == START_TLS_IF_AVAILABLE || this == ENFORCE_START_TLS;
    }
}
