package io.mailtrip.jenkins;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.util.Secret;
import org.kohsuke.stapler.DataBoundConstructor;

/** A secret setting without a user beside it (a trust store password), kept encrypted on disk. */
public final class SecretSettingValue extends FieldValue<Secret, SecretSettingValue> {

    @DataBoundConstructor
    public SecretSettingValue(String key, Secret value) {
        super(key, value);
    }

    /** Listed so data binding and configuration-as-code can build it; it has no form of its own. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<SecretSettingValue> {
    }
}
