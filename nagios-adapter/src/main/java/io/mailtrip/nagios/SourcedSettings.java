package io.mailtrip.nagios;

import io.mailtrip.host.InheritedSettings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The raw settings of a run before the SPI parses them: the resolution (with each value's origin, for
 * {@code -vvv}) and each value with what the operator typed or wrote, for error lines and notes.
 *
 * @param inherited the SPI's resolution over command line, environment and file levels
 * @param values    setting key → raw value and its source, references not yet resolved
 */
record SourcedSettings(InheritedSettings inherited, Map<String, SourcedValue> values) {

    SourcedSettings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
