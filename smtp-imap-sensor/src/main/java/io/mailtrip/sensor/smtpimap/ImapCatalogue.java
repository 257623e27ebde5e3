package io.mailtrip.sensor.smtpimap;

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
import io.mailtrip.spi.SettingRules;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The settings and channels of the SMTP → IMAP round-trip sensor: the one place they are declared. The
 * settings every mail sensor shares (e-mail, SMTP, certificates, debug, display, maxTripTime) come from
 * {@link MailSettings}, with the same keys and rules as the POP3 sensor's; the IMAP leg's are declared
 * here. Keys are public interface (CLI options, YAML keys, form fields are derived from them).
 */
public final class ImapCatalogue {

    public static final String SENSOR_ID = "smtp-imap-roundtrip";

    public static final String CHANNEL_SMTP = "smtp";
    public static final String CHANNEL_IMAP = "imap";
    public static final String CHANNEL_TOTAL = "total";
    public static final String CHANNEL_DOWNTIME = ChannelDescriptor.DOWNTIME;

    public static final SettingKey<String> IMAP_HOST = SettingKey.text("imapHost", SettingType.HOST);
    public static final SettingKey<Integer> IMAP_PORT = SettingKey.integer("imapPort");
    public static final SettingKey<Duration> IMAP_TIMEOUT = SettingKey.seconds("imapTimeout");
    public static final SettingKey<TlsMode> IMAP_SECURITY = MailSettings.securityKey("imapSecurity");
    public static final SettingKey<ImapAuth> IMAP_AUTH = MailSettings.choice("imapAuth", ImapAuth.class);
    public static final SettingKey<String> IMAP_USER = SettingKey.text("imapUser", SettingType.STRING);
    public static final SettingKey<Secret> IMAP_PASSWORD = SettingKey.secret("imapPassword");
    public static final SettingKey<String> IMAP_FOLDER = SettingKey.text("imapFolder", SettingType.STRING);
    public static final SettingKey<ImapWaitMode> IMAP_WAIT = MailSettings.choice("imapWait", ImapWaitMode.class);
    public static final SettingKey<Duration> IMAP_INTERVAL = SettingKey.seconds("imapInterval");
    public static final SettingKey<String> IMAP_MOVE_FOLDER = SettingKey.text("imapMoveFolder", SettingType.STRING);

    static final List<String> DEFAULT_TAGS = List.of("mailsensor", "imapsensor", "roundtrip");
    /** Folder names go into IMAP as quoted strings; non-ASCII would need modified UTF-7 (RFC 9051 section 5.1.3). */
    static final int MAX_FOLDER = 200;
    /** The languages of {@code names*.properties}, English (the base bundle) first. */
    static final List<Locale> NAME_LOCALES = Stream.of("en", "nl", "fr", "de", "ja", "pt", "ru", "zh-CN", "es")
            .map(Locale::forLanguageTag).toList();

    /** {@code imapAuth}. */
    public enum ImapAuth implements Choice {
        PASSWORD, NONE, OAUTH2
    }

    /** {@code imapWait}. */
    public enum ImapWaitMode implements Choice {
        IDLE, POLL
    }

    private ImapCatalogue() {
    }

    /** Builds the descriptor; names are read from {@code io/mailtrip/sensor/smtpimap/names*.properties}. */
    public static SensorDescriptor descriptor() {
        return new SensorDescriptor(SENSOR_ID, "io.mailtrip.sensor.smtpimap.names",
                ImapCatalogue.class.getClassLoader(), DEFAULT_TAGS, Duration.ofSeconds(60),
                List.of(MailSettings.basic(DEFAULT_TAGS),
                        MailSettings.email("The one recipient: a dedicated mailbox that the IMAP side reads."),
                        MailSettings.smtp(), imap(), OAuth2Settings.section(MailSettings.SMTP_AUTH.name(),
                                IMAP_AUTH.name()), MailSettings.tls(), MailSettings.debug(),
                        MailSettings.display(List.of(new EnumOption(CHANNEL_TOTAL, "Total"),
                                new EnumOption(CHANNEL_SMTP, "SMTP"), new EnumOption(CHANNEL_IMAP, "IMAP"),
                                new EnumOption(CHANNEL_DOWNTIME, "Downtime")))),
                channels(), NAME_LOCALES);
    }

    private static SettingSection imap() {
        SettingDescriptor.Builder auth = MailSettings.options(IMAP_AUTH.describe(), Map.of(
                        ImapAuth.PASSWORD, "Username and password", ImapAuth.NONE, "None (connect only)",
                        ImapAuth.OAUTH2, MailSettings.OAUTH2_LABEL)).section("imap")
                .label("IMAP authentication")
                .help("password logs in with AUTHENTICATE PLAIN when the server offers it, else LOGIN (never when"
                        + " it announces LOGINDISABLED); oauth2 uses AUTHENTICATE OAUTHBEARER or XOAUTH2 (RFC 7628)"
                        + " with a token from the oauth2 settings; none connects and reads the greeting only.");
        SettingDescriptor.Builder wait = MailSettings.options(IMAP_WAIT.describe(), Map.of(
                        ImapWaitMode.IDLE, "IDLE between searches (the server announces new mail)",
                        ImapWaitMode.POLL, "Poll"))
                .section("imap").label("Waiting")
                .help("Both search the folder after pauses that double from 50 ms up to the poll interval; idle"
                        + " also waits in IDLE (RFC 2177) during the pauses and searches as soon as the server"
                        + " announces new mail (polling alone when IDLE is not offered).");
        String login = ImapAuth.PASSWORD.key();
        String oauth2 = ImapAuth.OAUTH2.key();
        return new SettingSection("imap", "IMAP specific", List.of(
                IMAP_HOST.describe().section("imap").label("IMAP host")
                        .help("IMAP server of the receiving mailbox (host name, IPv4 or IPv6).")
                        .defaultValue(new DefaultValue.SameAs(MailSettings.SMTP_HOST.name())).build(),
                MailSettings.port(IMAP_PORT, "imap", "IMAP port", "Port of the IMAP server.", IMAP_SECURITY, "993",
                        "143"),
                MailSettings.timeout(IMAP_TIMEOUT, "imap", "IMAP timeout", "IMAP"),
                auth.defaultValue(login).build(),
                IMAP_USER.describe().section("imap").label("IMAP user")
                        .help("User name of the dedicated mailbox.").required()
                        .visibleWhen(IMAP_AUTH.name(), login, oauth2).build(),
                IMAP_PASSWORD.describe().section("imap").label("IMAP password")
                        .help("Password of the dedicated mailbox; never printed or stored.").required()
                        .visibleWhen(IMAP_AUTH.name(), login).build(),
                IMAP_FOLDER.describe().section("imap").label("IMAP folder").help("Folder the probes arrive in.")
                        .defaultValue("INBOX").rule(SettingRules.asciiOnly()).rule(SettingRules.maxLength(MAX_FOLDER))
                        .visibleWhen(IMAP_AUTH.name(), login, oauth2).build(),
                wait.defaultValue(ImapWaitMode.IDLE.key()).visibleWhen(IMAP_AUTH.name(), login, oauth2).build(),
                IMAP_INTERVAL.describe().section("imap").label("Poll interval")
                        .help("Longest pause between two searches of the folder.").defaultValue("10").atLeast(1)
                        .unit("s").visibleWhen(IMAP_AUTH.name(), login, oauth2).build(),
                IMAP_MOVE_FOLDER.describe().section("imap").label("Folder for found probes")
                        .help("Only for servers without UIDPLUS: found probes are moved there with MOVE (RFC 6851)."
                                + " Empty leaves them flagged \\Deleted; a plain EXPUNGE is never sent.")
                        .rule(SettingRules.asciiOnly()).rule(SettingRules.maxLength(MAX_FOLDER))
                        .visibleWhen(IMAP_AUTH.name(), login, oauth2).build(),
                MailSettings.maxTripTime("imap"),
                MailSettings.security(IMAP_SECURITY, "imap", "IMAP transport security",
                        "STARTTLS (RFC 9051 section 6.2.1)")));
    }

    private static List<ChannelDescriptor> channels() {
        return List.of(
                new ChannelDescriptor(CHANNEL_SMTP, "Response Time SMTP", "ms",
                        "from the start of the SMTP connect until the server accepted the message (250 after DATA)"),
                new ChannelDescriptor(CHANNEL_IMAP, "Response Time IMAP", "ms",
                        "from the SMTP acceptance until the probe was found in the folder and removed"),
                new ChannelDescriptor(CHANNEL_TOTAL, "Total", "ms", "smtp + imap", true),
                new ChannelDescriptor(CHANNEL_DOWNTIME, "Downtime", "%",
                        "share of DOWN results among the instance's recent results, computed by the host"),
                CertificatesSeen.channel());
    }
}
