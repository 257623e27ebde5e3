package io.mailtrip.spi;

/** The value types a setting can have; each type has its own syntax check in {@link Settings}. */
public enum SettingType {
    /** Free text (still without control characters). */
    STRING,
    /** Whole number, checked against the descriptor's min/max. */
    INTEGER,
    /** Exactly one e-mail address ({@code local@domain}), no display name, no list. */
    EMAIL,
    /** DNS host name, IPv4 address or IPv6 address. */
    HOST,
    /** A credential: never printed, logged or stored by any host. */
    SECRET,
    /** One of the descriptor's options. */
    ENUM,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Words separated by spaces or commas. */
    LIST,
    /** A file or folder path. */
    PATH
}
