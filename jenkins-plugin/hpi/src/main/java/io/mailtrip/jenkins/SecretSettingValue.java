package io.mailtrip.jenkins;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.Secret;
import org.kohsuke.stapler.DataBoundConstructor;

/** A secret setting without a user beside it (a trust store password), kept encrypted on disk. */
public final class SecretSettingValue implements Describable<SecretSettingValue> {

    private final String key;
    private final Secret value;

    @DataBoundConstructor
    public SecretSettingValue(String key, Secret value) {
        this.key = key;
        this.value = value;
    }

    public String getKey() {
        return key;
    }

    public Secret getValue() {
        return value;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<SecretSettingValue> {
    }
}
