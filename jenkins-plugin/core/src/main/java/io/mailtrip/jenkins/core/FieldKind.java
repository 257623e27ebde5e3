package io.mailtrip.jenkins.core;

/** How a form field is shown and how its submitted value is read. */
public enum FieldKind {
    /** The instance id, chosen by the user; not a sensor setting. */
    INSTANCE_ID,
    /** The sensor id, a hidden input fixed by the generated form. */
    SENSOR_ID,
    /** One-line text. */
    TEXT,
    /** Whole number with optional min and max. */
    NUMBER,
    /**
     * Boolean, shown as a choice of "yes", "no" and empty rather than a checkbox: a checkbox cannot be
     * left unset, so it could never inherit a global default.
     */
    YES_NO,
    /** One of the setting's options. */
    CHOICE,
    /** A secret with no user name beside it; stored encrypted by the host. */
    SECRET,
    /** The id of a username-with-password credential standing for a user and password setting pair. */
    CREDENTIALS
}
