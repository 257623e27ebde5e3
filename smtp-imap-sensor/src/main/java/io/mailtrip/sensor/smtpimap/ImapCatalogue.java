package io.mailtrip.sensor.smtpimap;

import io.mailtrip.mailkit.oauth2.OAuth2Settings;

import io.mailtrip.spi.ChannelDescriptor;
import io.mailtrip.spi.DefaultValue;
import io.mailtrip.spi.SensorDescriptor;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRules;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The settings and channels of the SMTP → IMAP round-trip sensor: the one place they are declared.
 * Keys are public interface (CLI options, YAML keys, form fields are derived from them).
 */
public final class ImapCatalogue {

    public static final String SENSOR_ID = "smtp-imap-roundtrip";

    public static final String CHANNEL_SMTP = "smtp";
    public static final String CHANNEL_IMAP = "imap";
    public static final String CHANNEL_TOTAL = "total";
    public static final String CHANNEL_DOWNTIME = ChannelDescriptor.DOWNTIME;

    static final List<String> DEFAULT_TAGS = List.of("mailsensor", "imapsensor", "roundtrip");
    static final int MAX_SUBJECT_TEXT = 200;
    /** The languages of {@code names*.properties}, English (the base bundle) first. */
    static final List<Locale> NAME_LOCALES = Stream.of("en", "nl", "fr", "de", "ja", "pt", "ru", "zh-CN", "es")
            .map(Locale::forLanguageTag).toList();

    /** Folder names go into IMAP as quoted strings; non-ASCII would need modified UTF-7 (RFC 9051 section 5.1.3). */
    static final int MAX_FOLDER = 200;

    private ImapCatalogue() {
    }

    /** Builds the descriptor; names are read from {@code io/mailtrip/sensor/smtpimap/names*.properties}. */
    public static SensorDescriptor descriptor() {
        return new SensorDescriptor(SENSOR_ID, "io.mailtrip.sensor.smtpimap.names",
                ImapCatalogue.class.getClassLoader(), DEFAULT_TAGS, Duration.ofSeconds(60),
                List.of(basic(), email(), smtp(), imap(), OAuth2Settings.section("imapAuth"), tls(), debug(), display()),
                channels(), NAME_LOCALES);
    }

    private static SettingSection basic() {
        return new SettingSection("basic", "Basic sensor settings", List.of(
                SettingDescriptor.builder("tags", SettingType.LIST).section("basic").label("Tags")
                        .help("Words to group and filter sensors by, separated by spaces or commas.")
                        .defaultValue(String.join(" ", DEFAULT_TAGS)).role(SettingRole.TAGS).build(),
                SettingDescriptor.builder("interval", SettingType.INTEGER).section("basic").label("Scanning interval")
                        .help("Seconds between two round trips when a host schedules the sensor.")
                        .defaultValue("60").atLeast(1).unit("s").role(SettingRole.INTERVAL).build()));
    }

    private static SettingSection email() {
        return new SettingSection("email", "Email settings", List.of(
                SettingDescriptor.builder("from", SettingType.EMAIL).section("email").label("From")
                        .help("Envelope sender and From: header of the probe mail.").required().build(),
                SettingDescriptor.builder("to", SettingType.EMAIL).section("email").label("To")
                        .help("The one recipient: a dedicated mailbox that the IMAP side reads.").required().build(),
                SettingDescriptor.builder("heloIdent", SettingType.HOST).section("email").label("HELO ident")
                        .help("Name sent with EHLO (RFC 5321 section 4.1.1.1); should be this host's name.")
                        .defaultValue(new DefaultValue.Computed("the local host name", ImapCatalogue::localHostName))
                        .rule(SettingRules.asciiOnly()).build(),
                SettingDescriptor.builder("subjectText", SettingType.STRING).section("email").label("Subject text")
                        .help("Text put before the generated subject 'Roundtrip Mail: {GUID}'.")
                        .rule(SettingRules.maxLength(MAX_SUBJECT_TEXT)).build()));
    }

    private static SettingSection smtp() {
        return new SettingSection("smtp", "SMTP specific", List.of(
                SettingDescriptor.builder("smtpHost", SettingType.HOST).section("smtp").label("SMTP host")
                        .help("SMTP server the probe is sent through (host name, IPv4 or IPv6); defaults to the"
                                + " parent device's host where the host has devices.")
                        .required().role(SettingRole.TARGET_HOST).build(),
                SettingDescriptor.builder("smtpPort", SettingType.INTEGER).section("smtp").label("SMTP port")
                        .help("Port of the SMTP server.").range(1, 65535)
                        .defaultValue(new DefaultValue.DependsOn("smtpSecurity",
                                implicitTls("465"), "25"))
                        .build(),
                SettingDescriptor.builder("smtpTimeout", SettingType.INTEGER).section("smtp").label("SMTP timeout")
                        .help("Longest wait for any one SMTP connect, TLS handshake or reply.")
                        .defaultValue("60").range(1, 900).unit("s").build(),
                SettingDescriptor.builder("smtpAuth", SettingType.ENUM).section("smtp").label("SMTP authentication")
                        .help("Whether to log in (AUTH PLAIN, LOGIN or CRAM-MD5, chosen from the EHLO reply).")
                        .option("none", "None").option("password", "Username and password")
                        .defaultValue("none").build(),
                SettingDescriptor.builder("smtpUser", SettingType.STRING).section("smtp").label("SMTP user")
                        .help("User name for SMTP AUTH.").required().visibleWhen("smtpAuth", "password").build(),
                SettingDescriptor.builder("smtpPassword", SettingType.SECRET).section("smtp").label("SMTP password")
                        .help("Password for SMTP AUTH; never printed or stored.").required()
                        .visibleWhen("smtpAuth", "password").build(),
                SettingDescriptor.builder("smtpAuthMechanism", SettingType.ENUM).section("smtp")
                        .label("SMTP AUTH mechanism")
                        .help("auto picks from the EHLO AUTH line: CRAM-MD5 on a clear connection, else PLAIN,"
                                + " then LOGIN (RFC 4954).")
                        .option("auto", "Automatic").option("plain", "PLAIN").option("login", "LOGIN")
                        .option("cramMd5", "CRAM-MD5").defaultValue("auto").visibleWhen("smtpAuth", "password")
                        .build(),
                tlsMode("smtpSecurity", "smtp", "SMTP transport security", "STARTTLS (RFC 3207)")));
    }

    private static SettingSection tls() {
        return new SettingSection("tls", "Certificates", List.of(
                SettingDescriptor.builder("trustStore", SettingType.PATH).section("tls").label("Trust store")
                        .help("PKCS12 or JKS file of trusted CA certificates; empty means the JVM's default trust store.")
                        .build(),
                SettingDescriptor.builder("trustStorePassword", SettingType.SECRET).section("tls")
                        .label("Trust store password").help("Password of the trust store, if it has one.").build(),
                SettingDescriptor.builder("verifyHostname", SettingType.BOOLEAN).section("tls")
                        .label("Verify host name")
                        .help("Check that the server certificate names the host connected to. Turn off only for tests.")
                        .defaultValue("true").build()));
    }

    private static SettingSection debug() {
        return new SettingSection("debug", "Debug options", List.of(
                SettingDescriptor.builder("resultHandling", SettingType.ENUM).section("debug").label("Result handling")
                        .help("store writes the last result (text and data, no secrets) into the result directory.")
                        .option("discard", "Discard result").option("store", "Store result")
                        .defaultValue("discard").build(),
                SettingDescriptor.builder("resultDirectory", SettingType.PATH).section("debug")
                        .label("Result directory").help("Folder for the stored result; created when missing.")
                        .defaultValue("results").visibleWhen("resultHandling", "store").build()));
    }

    private static SettingSection display() {
        return new SettingSection("display", "Channel display", List.of(
                SettingDescriptor.builder("primaryChannel", SettingType.ENUM).section("display")
                        .label("Primary channel").help("Channel that leads summaries and plain thresholds.")
                        .option(CHANNEL_TOTAL, "Total").option(CHANNEL_SMTP, "SMTP").option(CHANNEL_IMAP, "IMAP")
                        .option(CHANNEL_DOWNTIME, "Downtime").defaultValue(CHANNEL_TOTAL)
                        .role(SettingRole.PRIMARY_CHANNEL).build(),
                SettingDescriptor.builder("graphType", SettingType.ENUM).section("display").label("Graph type")
                        .help("Show channels as separate graphs or stacked on top of each other.")
                        .option("independent", "Show channels independently")
                        .option("stacked", "Stack channels on top of each other").defaultValue("independent")
                        .role(SettingRole.GRAPH_TYPE).build(),
                SettingDescriptor.builder("stackUnit", SettingType.ENUM).section("display").label("Stack unit")
                        .help("Unit of the stacked graph.").option("ms", "Milliseconds").option("s", "Seconds")
                        .defaultValue("ms").visibleWhen("graphType", "stacked").role(SettingRole.STACK_UNIT).build()));
    }

    private static SettingDescriptor tlsMode(String key, String section, String label, String upgrade) {
        SettingDescriptor.Builder builder = SettingDescriptor.builder(key, SettingType.ENUM).section(section)
                .label(label)
                .help("startTlsIfAvailable/tlsIfAvailable fall back to plain only when the server offers no TLS;"
                        + " enforce modes fail and send nothing in clear. Upgrade command: " + upgrade + ".")
                .defaultValue(TlsMode.ENFORCE_TLS.key());
        for (TlsMode mode : TlsMode.values()) {
            builder.option(mode.key(), mode.label());
        }
        return builder.build();
    }

    private static List<ChannelDescriptor> channels() {
        return List.of(
                new ChannelDescriptor(CHANNEL_SMTP, "Response Time SMTP", "ms",
                        "from the start of the SMTP connect until the server accepted the message (250 after DATA)"),
                new ChannelDescriptor(CHANNEL_IMAP, "Response Time IMAP", "ms",
                        "from the SMTP acceptance until the probe was found in the folder and removed"),
                new ChannelDescriptor(CHANNEL_TOTAL, "Total", "ms", "smtp + imap", true),
                new ChannelDescriptor(CHANNEL_DOWNTIME, "Downtime", "%",
                        "share of DOWN results among the instance's recent results, computed by the host"));
    }

    static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName();
            return name.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? name : "localhost";
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    static SettingSection imap() {
        return new SettingSection("imap", "IMAP specific", List.of(
                SettingDescriptor.builder("imapHost", SettingType.HOST).section("imap").label("IMAP host")
                        .help("IMAP server of the receiving mailbox (host name, IPv4 or IPv6).").required().build(),
                SettingDescriptor.builder("imapPort", SettingType.INTEGER).section("imap").label("IMAP port")
                        .help("Port of the IMAP server.").range(1, 65535)
                        .defaultValue(new DefaultValue.DependsOn("imapSecurity", implicitTls("993"), "143"))
                        .build(),
                SettingDescriptor.builder("imapTimeout", SettingType.INTEGER).section("imap").label("IMAP timeout")
                        .help("Longest wait for any one IMAP connect, TLS handshake or response (IDLE waits for new"
                                + " mail up to the maximum trip time).")
                        .defaultValue("60").range(1, 900).unit("s").build(),
                SettingDescriptor.builder("imapAuth", SettingType.ENUM).section("imap").label("IMAP authentication")
                        .help("password logs in with AUTHENTICATE PLAIN when the server offers it, else LOGIN (never"
                                + " when it announces LOGINDISABLED); oauth2 uses AUTHENTICATE OAUTHBEARER or XOAUTH2"
                                + " (RFC 7628) with a token from the oauth2 settings; none connects and reads the"
                                + " greeting only.")
                        .option("password", "Username and password").option("none", "None (connect only)")
                        .option("oauth2", "OAuth 2.0 token (XOAUTH2/OAUTHBEARER)")
                        .defaultValue("password").build(),
                SettingDescriptor.builder("imapUser", SettingType.STRING).section("imap").label("IMAP user")
                        .help("User name of the dedicated mailbox.").required()
                        .visibleWhen("imapAuth", "password", "oauth2")
                        .build(),
                SettingDescriptor.builder("imapPassword", SettingType.SECRET).section("imap").label("IMAP password")
                        .help("Password of the dedicated mailbox; never printed or stored.").required()
                        .visibleWhen("imapAuth", "password").build(),
                SettingDescriptor.builder("imapFolder", SettingType.STRING).section("imap").label("IMAP folder")
                        .help("Folder the probes arrive in.").defaultValue("INBOX").rule(SettingRules.asciiOnly())
                        .rule(SettingRules.maxLength(MAX_FOLDER)).visibleWhen("imapAuth", "password", "oauth2").build(),
                SettingDescriptor.builder("imapWait", SettingType.ENUM).section("imap").label("Waiting")
                        .help("idle waits with IDLE (RFC 2177) and searches as soon as the server announces new mail,"
                                + " polling when IDLE is not offered; poll searches after pauses that double from 50 ms"
                                + " up to the poll interval.")
                        .option("idle", "IDLE (push)").option("poll", "Poll").defaultValue("idle")
                        .visibleWhen("imapAuth", "password", "oauth2").build(),
                SettingDescriptor.builder("imapInterval", SettingType.INTEGER).section("imap").label("Poll interval")
                        .help("Longest pause between two searches while polling.").defaultValue("10").atLeast(1)
                        .unit("s").visibleWhen("imapAuth", "password", "oauth2").build(),
                SettingDescriptor.builder("imapMoveFolder", SettingType.STRING).section("imap")
                        .label("Folder for found probes")
                        .help("Only for servers without UIDPLUS: found probes are moved there with MOVE (RFC 6851)."
                                + " Empty leaves them flagged \\Deleted; a plain EXPUNGE is never sent.")
                        .rule(SettingRules.asciiOnly()).rule(SettingRules.maxLength(MAX_FOLDER))
                        .visibleWhen("imapAuth", "password", "oauth2").build(),
                SettingDescriptor.builder("maxTripTime", SettingType.INTEGER).section("imap").label("Maximum trip time")
                        .help("How long after the SMTP acceptance the probe may take to arrive before the sensor is DOWN.")
                        .defaultValue("300").atLeast(1).unit("s").build(),
                tlsMode("imapSecurity", "imap", "IMAP transport security", "STARTTLS (RFC 9051 section 6.2.1)")));
    }

    private static Map<String, String> implicitTls(String port) {
        Map<String, String> byMode = new LinkedHashMap<>();
        byMode.put(TlsMode.ENFORCE_TLS.key(), port);
        byMode.put(TlsMode.TLS_IF_AVAILABLE.key(), port);
        return byMode;
    }
}
