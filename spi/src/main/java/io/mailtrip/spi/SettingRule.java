package io.mailtrip.spi;

import java.util.Optional;

/**
 * An extra check on a setting's value beyond its type. Rules are part of the metadata so that
 * hosts can show them ("ASCII only") and apply the same check in a form.
 */
public interface SettingRule {

    /** Short text for help output ("ASCII only", "at most 200 characters"). */
    String describe();

    /** Why {@code value} breaks the rule (without echoing secrets), or empty when it is fine. */
    Optional<String> violation(String value);
}
