package io.mailtrip.spi;

/**
 * A credential. Its {@link #toString()} is a mask, so a secret that ends up in a log line, a message
 * or a stored result shows nothing. Only protocol code calls {@link #reveal()}.
 */
public final class Secret {

    /** What hosts print in place of a secret. */
    public static final String MASK = "******";

    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The clear text, for the one place that sends it to a server. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
