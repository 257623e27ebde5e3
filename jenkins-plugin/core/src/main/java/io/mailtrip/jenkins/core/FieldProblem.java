package io.mailtrip.jenkins.core;

/**
 * One bad form field: what Jenkins shows beside the field, and the line a log or error page shows.
 *
 * @param field   the form field name
 * @param message the rule that failed, one line, never a secret's value
 */
public record FieldProblem(String field, String message) {

    /** {@code "field: message"}, the form every mailtrip adapter prints. */
    public String line() {
        return field + ": " + message;
    }
}
