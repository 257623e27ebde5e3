package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.oauth2.OAuth2Settings;
import io.mailtrip.mailkit.settings.Choice;
import io.mailtrip.mailkit.settings.MailSettings;
import io.mailtrip.mailkit.tls.CertificatesSeen;
import io.mailtrip.mailkit.tls.TlsMode;
import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.DefaultValue;
import io.mailtrip.spi.EnumOption;
import io.mailtrip.spi.Secret;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingKey;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The settings catalogue and channels of the round-trip sensor: the one place they are declared. The
 * settings every mail sensor shares (e-mail, SMTP, certificates, debug, display, maxTripTime) come from
 * {@link MailSettings}; the POP3 leg's are declared here. Keys are public interface (CLI options, YAML
 * keys, form fields are derived from them).
 */
public final class RoundTripCatalogue {

    public static final String SENSOR_ID = "smtp-pop3-roundtrip";

    public static final String CHANNEL_SMTP = "smtp";
    public static final String CHANNEL_POP3 = "pop3";
    public static final String CHANNEL_TOTAL = "total";
    public static final String CHANNEL_DOWNTIME = ChannelDescriptor.DOWNTIME;

    public static final SettingKey<String> POP3_HOST = SettingKey.text("pop3Host", SettingType.HOST);
    public static final SettingKey<Integer> POP3_PORT = SettingKey.integer("pop3Port");
    public static final SettingKey<Duration> POP3_TIMEOUT = SettingKey.seconds("pop3Timeout");
    public static final SettingKey<Duration> POP3_INTERVAL = SettingKey.seconds("pop3Interval");
    public static final SettingKey<PollMode> POP3_POLL_MODE = MailSettings.choice("pop3PollMode", PollMode.class);
    public static final SettingKey<Pop3AuthMode> POP3_AUTH = MailSettings.choice("pop3Auth", Pop3AuthMode.class);
    public static final SettingKey<String> POP3_USER = SettingKey.text("pop3User", SettingType.STRING);
    public static final SettingKey<Secret> POP3_PASSWORD = SettingKey.secret("pop3Password");
    public static final SettingKey<TlsMode> POP3_SECURITY = MailSettings.securityKey("pop3Security");

    static final List<String> DEFAULT_TAGS = List.of("mailsensor", "pop3sensor", "roundtrip");
    /** The languages of {@code names*.properties}, English (the base bundle) first. */
    static final List<Locale> NAME_LOCALES = Stream.of("en", "nl", "fr", "de", "ja", "pt", "ru", "zh-CN", "es")
            .map(Locale::forLanguageTag).toList();

    /** {@code pop3PollMode}. */
    public enum PollMode implements Choice {
        BACKOFF, FIXED
    }

    /** {@code pop3Auth}: the POP3 login style. */
    public enum Pop3AuthMode implements Choice {
        NONE, PASSWORD, APOP, OAUTH2
    }

    private RoundTripCatalogue() {
    }

    /** Builds the descriptor; names are read from {@code io/mailtrip/sensor/smtppop3/names*.properties}. */
    public static SensorDescriptor descriptor() {
        return new SensorDescriptor(SENSOR_ID, "io.mailtrip.sensor.smtppop3.names",
                RoundTripCatalogue.class.getClassLoader(), DEFAULT_TAGS, Duration.ofSeconds(60),
                List.of(MailSettings.basic(DEFAULT_TAGS),
                        MailSettings.email("The one recipient: a dedicated mailbox that the POP3 side reads."),
                        MailSettings.smtp(), pop3(), OAuth2Settings.section(MailSettings.SMTP_AUTH.name(),
                                POP3_AUTH.name()), MailSettings.tls(), MailSettings.debug(),
                        MailSettings.display(List.of(new EnumOption(CHANNEL_TOTAL, "Total"),
                                new EnumOption(CHANNEL_SMTP, "SMTP"), new EnumOption(CHANNEL_POP3, "POP3"),
                                new EnumOption(CHANNEL_DOWNTIME, "Downtime")))),
                channels(), NAME_LOCALES);
    }

    private static SettingSection pop3() {
        SettingDescriptor.Builder pollMode = MailSettings.options(POP3_POLL_MODE.describe(), Map.of(
                        PollMode.BACKOFF, "Back off up to the connection interval",
                        PollMode.FIXED, "Fixed connection interval"))
                .section("pop3").label("Poll schedule")
                .help("backoff polls right after the SMTP acceptance, then doubles the pause from 50 ms up to"
                        + " the connection interval; fixed waits the connection interval before every poll.");
        SettingDescriptor.Builder auth = MailSettings.options(POP3_AUTH.describe(), Map.of(
                        Pop3AuthMode.NONE, "None (connect only)", Pop3AuthMode.PASSWORD, "Username and password",
                        Pop3AuthMode.APOP, "APOP", Pop3AuthMode.OAUTH2, MailSettings.OAUTH2_LABEL))
                .section("pop3").label("POP3 authentication")
                .help("none connects and reads the greeting only (no mail is fetched); password uses USER/PASS;"
                        + " apop uses APOP with the greeting's timestamp (RFC 1939 section 7); oauth2 uses AUTH"
                        + " OAUTHBEARER or XOAUTH2 (RFC 5034, RFC 7628) with a token from the oauth2 settings.");
        return new SettingSection("pop3", "POP3 specific", List.of(
                POP3_HOST.describe().section("pop3").label("POP3 host")
                        .help("POP3 server of the receiving mailbox (host name, IPv4 or IPv6).")
                        .defaultValue(new DefaultValue.SameAs(MailSettings.SMTP_HOST.name())).build(),
                MailSettings.port(POP3_PORT, "pop3", "POP3 port", "Port of the POP3 server.", POP3_SECURITY, "995",
                        "110"),
                MailSettings.timeout(POP3_TIMEOUT, "pop3", "POP3 timeout", "POP3"),
                POP3_INTERVAL.describe().section("pop3").label("Connection interval")
                        .help("Longest pause between two POP3 logins while waiting for the probe.")
                        .defaultValue("10").atLeast(1).unit("s").build(),
                pollMode.defaultValue(PollMode.BACKOFF.key()).build(),
                MailSettings.maxTripTime("pop3"),
                // A user means a mailbox to check: no user keeps the seed's connect-only check.
                auth.defaultValue(new DefaultValue.WhenSet(POP3_USER.name(), Pop3AuthMode.PASSWORD.key(),
                        Pop3AuthMode.NONE.key())).build(),
                POP3_USER.describe().section("pop3").label("POP3 user")
                        .help("User name of the dedicated mailbox.").required()
                        .visibleWhen(POP3_AUTH.name(), "password", "apop", "oauth2").build(),
                POP3_PASSWORD.describe().section("pop3").label("POP3 password")
                        .help("Password of the dedicated mailbox; never printed or stored.").required()
                        .visibleWhen(POP3_AUTH.name(), "password", "apop").build(),
                MailSettings.security(POP3_SECURITY, "pop3", "POP3 transport security", "STLS (RFC 2595)")));
    }

    private static List<ChannelDescriptor> channels() {
        return List.of(
                new ChannelDescriptor(CHANNEL_SMTP, "Response Time SMTP", "ms",
                        "from the start of the SMTP connect until the server accepted the message (250 after DATA)"),
                new ChannelDescriptor(CHANNEL_POP3, "Response Time POP3", "ms",
                        "from the SMTP acceptance until the end of the POP3 poll that found the probe"),
                new ChannelDescriptor(CHANNEL_TOTAL, "Total", "ms", "smtp + pop3", true),
                new ChannelDescriptor(CHANNEL_DOWNTIME, "Downtime", "%",
                        "share of DOWN results among the instance's recent results, computed by the host"),
                CertificatesSeen.channel());
    }
}
