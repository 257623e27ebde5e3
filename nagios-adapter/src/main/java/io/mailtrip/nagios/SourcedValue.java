package io.mailtrip.nagios;

/**
 * A setting value and where it came from, so that an error names what the operator has to change:
 * {@code --server-port}, {@code MAILTRIP_SERVER_PASSWORD} or {@code /etc/mailtrip.yml: serverPort}.
 *
 * @param value  the raw text
 * @param source the option, environment variable or file entry that gave it
 */
record SourcedValue(String value, String source) {

    @Override
    public String toString() {
        // A value may be a secret: never let it reach a message by accident.
        return "SourcedValue[from " + source + "]";
    }
}
