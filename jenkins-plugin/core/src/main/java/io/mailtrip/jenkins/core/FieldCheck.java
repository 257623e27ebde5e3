package io.mailtrip.jenkins.core;

/**
 * The outcome of a live check of one field; Jenkins maps it 1:1 to {@code FormValidation}.
 *
 * @param passed  true when the field is fine
 * @param message why not, one line; empty when ok
 */
public record FieldCheck(boolean passed, String message) {

    private static final FieldCheck PASSED = new FieldCheck(true, "");

    public static FieldCheck ok() {
        return PASSED;
    }

    public static FieldCheck error(String message) {
        return new FieldCheck(false, message);
    }
}
