package io.mailtrip.sensor.smtppop3;

import io.mailtrip.sensor.smtppop3.testkit.Sensors;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SensorProvider;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue as the issue specifies it, read through ServiceLoader like any host would. */
class CatalogueTest {

    private final SensorProvider provider = Sensors.roundTripProvider();
    private final SensorDescriptor descriptor = provider.descriptor();

    @Test
    void serviceLoaderFindsTheSensorWithItsTagsIntervalAndChannels() {
        assertThat(provider.id()).isEqualTo("smtp-pop3-roundtrip");
        assertThat(descriptor.defaultTags()).containsExactly("mailsensor", "pop3sensor", "roundtrip");
        assertThat(descriptor.defaultInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(descriptor.channels()).extracting(ChannelDescriptor::key)
                .containsExactly("smtp", "pop3", "total", "downtime", "certificate");
        assertThat(descriptor.sections()).extracting(SettingSection::key)
                .containsExactly("basic", "email", "smtp", "pop3", "oauth2", "tls", "debug", "display");
    }

    @Test
    void everyNameLanguageIsDeclaredSoHostsCanChooseAmongThem() {
        assertThat(descriptor.nameLocales()).extracting(Locale::toLanguageTag)
                .containsExactly("en", "nl", "fr", "de", "ja", "pt", "ru", "zh-CN", "es");
        for (Locale locale : descriptor.nameLocales()) {
            assertThat(descriptor.displayName(locale)).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en|SMTP&POP3 Round Trip",
            "nl|SMTP & POP3 Round Trip",
            "fr|SMTP & POP3 aller-retour",
            "de|SMTP&POP3-Übermittlung",
            "ja|SMTP&POP3 ラウンドトリップ",
            "pt|Ida e volta SMTP&POP3",
            "ru|Цикл SMTP и POP3",
            "zh-CN|SMTP 和 POP3 往返",
            "es|Ida y vuelta SMTP&POP3",
            "it|SMTP&POP3 Round Trip",
    })
    void localizedNames(String languageTag, String name) {
        assertThat(descriptor.displayName(Locale.forLanguageTag(languageTag))).isEqualTo(name);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // section | key | type | default | required | range | visible when
            "basic|tags|LIST|mailsensor pop3sensor roundtrip|false|-|-",
            "basic|interval|INTEGER|60|false|at least 1|-",
            "email|from|EMAIL|-|true|-|-",
            "email|to|EMAIL|-|true|-|-",
            "email|heloIdent|HOST|the local host name|false|-|-",
            "email|subjectText|STRING|-|false|-|-",
            "smtp|smtpHost|HOST|-|true|-|-",
            "smtp|smtpPort|INTEGER|465 when smtpSecurity is enforceTls or tlsIfAvailable, else 25|false|1..65535|-",
            "smtp|smtpTimeout|INTEGER|60|false|1..900|-",
            "smtp|smtpAuth|ENUM|none|false|-|-",
            "smtp|smtpUser|STRING|-|true|-|smtpAuth in {password, oauth2}",
            "smtp|smtpPassword|SECRET|-|true|-|smtpAuth = password",
            "smtp|smtpAuthMechanism|ENUM|auto|false|-|smtpAuth = password",
            "smtp|smtpSecurity|ENUM|enforceTls|false|-|-",
            "smtp|addressFamily|ENUM|any|false|-|-",
            "pop3|pop3Host|HOST|the value of smtpHost|false|-|-",
            "pop3|pop3Port|INTEGER|995 when pop3Security is enforceTls or tlsIfAvailable, else 110|false|1..65535|-",
            "pop3|pop3Timeout|INTEGER|60|false|1..900|-",
            "pop3|pop3Interval|INTEGER|10|false|at least 1|-",
            "pop3|pop3PollMode|ENUM|backoff|false|-|-",
            "pop3|maxTripTime|INTEGER|300|false|at least 1|-",
            "pop3|pop3Auth|ENUM|password when pop3User is set, else none|false|-|-",
            "pop3|pop3User|STRING|-|true|-|pop3Auth in {password, apop, oauth2}",
            "pop3|pop3Password|SECRET|-|true|-|pop3Auth in {password, apop}",
            "pop3|pop3Security|ENUM|enforceTls|false|-|-",
            "oauth2|oauth2Grant|ENUM|clientCredentials|true|-|smtpAuth = oauth2 or pop3Auth = oauth2",
            "oauth2|oauth2TokenUrl|STRING|-|true|-|oauth2Grant in {clientCredentials, refreshToken}",
            "oauth2|oauth2ClientId|STRING|-|true|-|oauth2Grant in {clientCredentials, refreshToken}",
            "oauth2|oauth2ClientSecret|SECRET|-|false|-|oauth2Grant in {clientCredentials, refreshToken}",
            "oauth2|oauth2Scope|STRING|-|false|-|oauth2Grant in {clientCredentials, refreshToken}",
            "oauth2|oauth2RefreshToken|SECRET|-|true|-|oauth2Grant = refreshToken",
            "oauth2|oauth2AccessToken|SECRET|-|true|-|oauth2Grant = accessToken",
            "oauth2|oauth2Mechanism|ENUM|auto|false|-|smtpAuth = oauth2 or pop3Auth = oauth2",
            "tls|trustStore|PATH|-|false|-|-",
            "tls|trustStorePassword|SECRET|-|false|-|-",
            "tls|verifyHostname|BOOLEAN|true|false|-|-",
            "debug|resultHandling|ENUM|discard|false|-|-",
            "debug|resultDirectory|PATH|results|false|-|resultHandling = store",
            "display|primaryChannel|ENUM|total|false|-|-",
            "display|graphType|ENUM|independent|false|-|-",
            "display|stackUnit|ENUM|ms|false|-|graphType = stacked",
    })
    void everySettingOfTheCatalogue(String section, String key, String type, String dflt, boolean required,
                                    String range, String visibleWhen) {
        SettingDescriptor setting = descriptor.setting(key).orElseThrow();

        assertThat(setting.section()).isEqualTo(section);
        assertThat(setting.type().name()).isEqualTo(type);
        assertThat(setting.defaultValue().describe()).isEqualTo(dflt == null ? "" : dflt);
        assertThat(setting.required()).isEqualTo(required);
        assertThat(setting.describeRange()).isEqualTo(range == null ? "" : range);
        assertThat(setting.visibility().describe()).isEqualTo(visibleWhen == null ? "" : visibleWhen);
        assertThat(setting.label()).isNotBlank();
        assertThat(setting.help()).isNotBlank();
    }

    @Test
    void catalogueHasExactlyTheTestedSettings() {
        assertThat(descriptor.settings()).hasSize(41);
    }

    @Test
    void hostsFindSettingsByRole() {
        assertThat(descriptor.settingFor(io.mailtrip.spi.SettingRole.INTERVAL).orElseThrow().key()).isEqualTo("interval");
        assertThat(descriptor.settingFor(io.mailtrip.spi.SettingRole.TAGS).orElseThrow().key()).isEqualTo("tags");
        assertThat(descriptor.settingFor(io.mailtrip.spi.SettingRole.TARGET_HOST).orElseThrow().key())
                .isEqualTo("smtpHost");
        assertThat(descriptor.settingFor(io.mailtrip.spi.SettingRole.PRIMARY_CHANNEL).orElseThrow().key())
                .isEqualTo("primaryChannel");
        assertThat(descriptor.settingFor(io.mailtrip.spi.SettingRole.GRAPH_TYPE).orElseThrow().key())
                .isEqualTo("graphType");
        assertThat(descriptor.settingFor(io.mailtrip.spi.SettingRole.STACK_UNIT).orElseThrow().key())
                .isEqualTo("stackUnit");
    }

    @Test
    void bothLegsOfferTheSameFiveTlsModes() {
        for (String key : new String[] {"smtpSecurity", "pop3Security"}) {
            assertThat(descriptor.setting(key).orElseThrow().optionValues())
                    .containsExactly("startTlsIfAvailable", "tlsIfAvailable", "enforceStartTls", "enforceTls", "none");
        }
        assertThat(descriptor.setting("pop3Auth").orElseThrow().optionValues()).containsExactly("none", "password", "apop", "oauth2");
        assertThat(descriptor.setting("smtpAuth").orElseThrow().optionValues()).containsExactly("none", "password", "oauth2");
        assertThat(descriptor.setting("primaryChannel").orElseThrow().optionValues())
                .containsExactly("total", "smtp", "pop3", "downtime");
    }
}
