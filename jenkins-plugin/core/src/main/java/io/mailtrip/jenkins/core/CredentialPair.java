package io.mailtrip.jenkins.core;

import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingType;

import java.util.ArrayList;
import java.util.List;

/**
 * A user setting and the secret right after it, which Jenkins shows as one credentials field so that
 * the password lives in the credentials store instead of the plugin's configuration.
 *
 * @param userKey     the text setting holding the user name ({@code serverUser})
 * @param passwordKey the secret setting holding its password ({@code serverPassword})
 * @param field       the form field of the credentials id ({@code serverCredentialsId})
 */
public record CredentialPair(String userKey, String passwordKey, String field) {

    /** Suffix of every credentials field, the Jenkins convention for a credentials id. */
    public static final String FIELD_SUFFIX = "CredentialsId";

    /**
     * The pairs of a descriptor. The SPI does not mark pairs, so the rule is structural: a STRING setting
     * directly followed, in the same section, by a SECRET setting with the same visibility rule. A secret
     * without such a user (a trust store password) stays a secret field.
     */
    public static List<CredentialPair> of(SensorDescriptor descriptor) {
        List<CredentialPair> pairs = new ArrayList<>();
        List<SettingDescriptor> settings = descriptor.settings();
        for (int i = 1; i < settings.size(); i++) {
            SettingDescriptor user = settings.get(i - 1);
            SettingDescriptor password = settings.get(i);
            if (user.type() == SettingType.STRING && password.type() == SettingType.SECRET
                    && user.section().equals(password.section()) && user.visibility().equals(password.visibility())) {
                pairs.add(new CredentialPair(user.key(), password.key(), fieldName(user.key(), password.key())));
            }
        }
        return pairs;
    }

    /** {@code serverUser} + {@code serverPassword} give {@code serverCredentialsId}: the keys' common prefix. */
    static String fieldName(String userKey, String passwordKey) {
        int common = 0;
        while (common < userKey.length() && common < passwordKey.length()
                && userKey.charAt(common) == passwordKey.charAt(common)) {
            common++;
        }
        return (common == 0 ? userKey : userKey.substring(0, common)) + FIELD_SUFFIX;
    }

    public boolean covers(String settingKey) {
        return userKey.equals(settingKey) || passwordKey.equals(settingKey);
    }
}
