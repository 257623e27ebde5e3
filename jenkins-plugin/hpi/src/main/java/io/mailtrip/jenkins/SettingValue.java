package io.mailtrip.jenkins;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/** One form field's value of a sensor instance, by field name (a setting key or a credentials field). */
public final class SettingValue implements Describable<SettingValue> {

    private final String key;
    private final String value;

    @DataBoundConstructor
    public SettingValue(String key, String value) {
        this.key = key;
        this.value = value == null ? "" : value;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    /** Listed so data binding and configuration-as-code can build it; it has no form of its own. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<SettingValue> {
    }
}
