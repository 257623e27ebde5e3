package io.mailtrip.jenkins;

import hudson.Extension;
import hudson.model.Descriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/** One form field's value of a sensor instance, by field name (a setting key or a credentials field). */
public final class SettingValue extends FieldValue<String, SettingValue> {

    @DataBoundConstructor
    public SettingValue(String key, String value) {
        super(key, value == null ? "" : value);
    }

    /** Listed so data binding and configuration-as-code can build it; it has no form of its own. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<SettingValue> {
    }
}
