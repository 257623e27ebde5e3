package io.mailtrip.jenkins.core;

/**
 * Which of the two generated forms a {@link FormModel} is. Both show the same setting fields; they differ
 * in what an empty field means and in the host fields around them.
 */
public enum FormScope {
    /** One sensor instance: an empty field inherits the global default, else the metadata default. */
    INSTANCE,
    /**
     * The global defaults on the configuration page, the root of the inheritance: nothing is required
     * here, and an empty field means the metadata default.
     */
    DEFAULTS
}
