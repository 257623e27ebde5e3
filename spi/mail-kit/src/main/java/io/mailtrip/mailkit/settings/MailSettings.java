package io.mailtrip.mailkit.settings;

import io.mailtrip.mailkit.AddressFamily;
import io.mailtrip.mailkit.smtp.SmtpAuthMechanism;
import io.mailtrip.mailkit.tls.TlsMode;
import io.mailtrip.spi.DefaultValue;
import io.mailtrip.spi.EnumOption;
import io.mailtrip.spi.Secret;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingKey;
import io.mailtrip.spi.SettingRole;
import io.mailtrip.spi.SettingRules;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings every mail round-trip sensor shares, declared once: their typed keys and their
 * descriptors (type, default, rules, visibility, section, label, help). A second sensor offers the same
 * SMTP, TLS, e-mail, debug and display settings with the same rules by putting these sections into its
 * descriptor, and reads them through the same keys. Sensor-specific settings (the mailbox leg) stay in
 * the sensor's own catalogue.
 */
public final class MailSettings {

    public static final SettingKey<List<String>> TAGS = SettingKey.list("tags");
    public static final SettingKey<Integer> INTERVAL = SettingKey.integer("interval");

    public static final SettingKey<String> FROM = SettingKey.text("from", SettingType.EMAIL);
    public static final SettingKey<String> TO = SettingKey.text("to", SettingType.EMAIL);
    public static final SettingKey<String> HELO_IDENT = SettingKey.text("heloIdent", SettingType.HOST);
    public static final SettingKey<String> SUBJECT_TEXT = SettingKey.text("subjectText", SettingType.STRING);

    public static final SettingKey<String> SMTP_HOST = SettingKey.text("smtpHost", SettingType.HOST);
    public static final SettingKey<Integer> SMTP_PORT = SettingKey.integer("smtpPort");
    public static final SettingKey<Duration> SMTP_TIMEOUT = SettingKey.seconds("smtpTimeout");
    public static final SettingKey<SmtpAuth> SMTP_AUTH = choice("smtpAuth", SmtpAuth.class);
    public static final SettingKey<String> SMTP_USER = SettingKey.text("smtpUser", SettingType.STRING);
    public static final SettingKey<Secret> SMTP_PASSWORD = SettingKey.secret("smtpPassword");
    public static final SettingKey<SmtpAuthMechanism> SMTP_AUTH_MECHANISM = choice("smtpAuthMechanism",
            SmtpAuthMechanism.class);
    public static final SettingKey<TlsMode> SMTP_SECURITY = securityKey("smtpSecurity");
    public static final SettingKey<AddressFamily> ADDRESS_FAMILY = choice("addressFamily", AddressFamily.class);

    public static final SettingKey<Duration> MAX_TRIP_TIME = SettingKey.seconds("maxTripTime");

    public static final SettingKey<Path> TRUST_STORE = SettingKey.path("trustStore");
    public static final SettingKey<Secret> TRUST_STORE_PASSWORD = SettingKey.secret("trustStorePassword");
    public static final SettingKey<Boolean> VERIFY_HOSTNAME = SettingKey.flag("verifyHostname");

    public static final SettingKey<ResultHandling> RESULT_HANDLING = choice("resultHandling",
            ResultHandling.class);
    public static final SettingKey<Path> RESULT_DIRECTORY = SettingKey.path("resultDirectory");

    public static final SettingKey<String> PRIMARY_CHANNEL = SettingKey.option("primaryChannel");
    public static final SettingKey<String> GRAPH_TYPE = SettingKey.option("graphType");
    public static final SettingKey<String> STACK_UNIT = SettingKey.option("stackUnit");

    /** The label of every leg's {@code oauth2} authentication option. */
    public static final String OAUTH2_LABEL = "OAuth 2.0 token (XOAUTH2/OAUTHBEARER)";

    /** Longest subject text; the generated part follows it. */
    public static final int MAX_SUBJECT_TEXT = 200;

    /** {@code smtpAuth}. */
    public enum SmtpAuth implements Choice {
        NONE, PASSWORD, OAUTH2
    }

    /** {@code resultHandling}. */
    public enum ResultHandling implements Choice {
        DISCARD, STORE
    }

    private MailSettings() {
    }

    /** An ENUM setting read as a {@link Choice} enum; its options are the constants, in order. */
    public static <E extends Enum<E> & Choice> SettingKey<E> choice(String name, Class<E> type) {
        return SettingKey.choice(name, type, Choice::key);
    }

    /**
     * Adds every constant of the labels' enum as an option, in declaration order, with its label (what a form
     * shows); the labels are declared here, with the setting, and every constant needs one.
     */
    public static <E extends Enum<E> & Choice> SettingDescriptor.Builder options(SettingDescriptor.Builder builder,
                                                                               Map<E, String> labels) {
        Class<E> type = labels.keySet().iterator().next().getDeclaringClass();
        for (E option : type.getEnumConstants()) {
            String label = labels.get(option);
            if (label == null) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + option.name() + " has no label");
            }
            builder.option(option.key(), label);
        }
        return builder;
    }

    /** A leg's transport-security setting ({@code smtpSecurity}, {@code pop3Security}, {@code imapSecurity}). */
    public static SettingKey<TlsMode> securityKey(String name) {
        return choice(name, TlsMode.class);
    }

    /** Section {@code basic}: tags and the host's scanning interval. */
    public static SettingSection basic(List<String> defaultTags) {
        return new SettingSection("basic", "Basic sensor settings", List.of(
                TAGS.describe().section("basic").label("Tags")
                        .help("Words to group and filter sensors by, separated by spaces or commas.")
                        .defaultValue(String.join(" ", defaultTags)).role(SettingRole.TAGS).build(),
                INTERVAL.describe().section("basic").label("Scanning interval")
                        .help("Seconds between two round trips when a host schedules the sensor.")
                        .defaultValue("60").atLeast(1).unit("s").role(SettingRole.INTERVAL).build()));
    }

    /**
     * Section {@code email}: from, to, heloIdent, subjectText.
     *
     * @param toHelp what the recipient is for this sensor ("a dedicated mailbox that the POP3 side reads")
     */
    public static SettingSection email(String toHelp) {
        return new SettingSection("email", "Email settings", List.of(
                FROM.describe().section("email").label("From")
                        .help("Envelope sender and From: header of the probe mail.").required().build(),
                TO.describe().section("email").label("To").help(toHelp).required().build(),
                HELO_IDENT.describe().section("email").label("HELO ident")
                        .help("Name sent with EHLO (RFC 5321 section 4.1.1.1); should be this host's name.")
                        .defaultValue(new DefaultValue.Computed("the local host name", MailSettings::localHostName))
                        .rule(SettingRules.asciiOnly()).build(),
                SUBJECT_TEXT.describe().section("email").label("Subject text")
                        .help("Text put before the generated subject 'Roundtrip Mail: {GUID}'.")
                        .rule(SettingRules.maxLength(MAX_SUBJECT_TEXT)).build()));
    }

    /** Section {@code smtp}: the SMTP leg, the same keys and rules in every sensor. */
    public static SettingSection smtp() {
        SettingDescriptor.Builder mechanism = options(SMTP_AUTH_MECHANISM.describe(), Map.of(
                SmtpAuthMechanism.AUTO, "Automatic", SmtpAuthMechanism.PLAIN, "PLAIN", SmtpAuthMechanism.LOGIN, "LOGIN",
                SmtpAuthMechanism.CRAM_MD5, "CRAM-MD5"))
                .section("smtp").label("SMTP AUTH mechanism")
                .help("auto picks from the EHLO AUTH line: CRAM-MD5 on a clear connection, else PLAIN,"
                        + " then LOGIN (RFC 4954).");
        SettingDescriptor.Builder auth = options(SMTP_AUTH.describe(), Map.of(SmtpAuth.NONE, "None",
                SmtpAuth.PASSWORD, "Username and password", SmtpAuth.OAUTH2, OAUTH2_LABEL)).section("smtp")
                .label("SMTP authentication")
                .help("Whether to log in: password uses AUTH PLAIN, LOGIN or CRAM-MD5, oauth2 uses OAUTHBEARER"
                        + " or XOAUTH2 (RFC 7628) with a token from the oauth2 settings; chosen from the EHLO reply.");
        return new SettingSection("smtp", "SMTP specific", List.of(
                SMTP_HOST.describe().section("smtp").label("SMTP host")
                        .help("SMTP server the probe is sent through (host name, IPv4 or IPv6); defaults to the"
                                + " parent device's host where the host has devices.")
                        .required().role(SettingRole.TARGET_HOST).build(),
                portBuilder(SMTP_PORT, "smtp", "SMTP port", "Port of the SMTP server.", SMTP_SECURITY, "465", "25")
                        .role(SettingRole.TARGET_PORT).build(),
                timeout(SMTP_TIMEOUT, "smtp", "SMTP timeout", "SMTP"),
                auth.defaultValue(SmtpAuth.NONE.key()).build(),
                SMTP_USER.describe().section("smtp").label("SMTP user")
                        .help("User name for SMTP AUTH (the mailbox the token is for with oauth2).").required()
                        .visibleWhen(SMTP_AUTH.name(), "password", "oauth2").build(),
                SMTP_PASSWORD.describe().section("smtp").label("SMTP password")
                        .help("Password for SMTP AUTH; never printed or stored.").required()
                        .visibleWhen(SMTP_AUTH.name(), "password").build(),
                mechanism.defaultValue(SmtpAuthMechanism.AUTO.key()).visibleWhen(SMTP_AUTH.name(), "password")
                        .build(),
                security(SMTP_SECURITY, "smtp", "SMTP transport security", "STARTTLS (RFC 3207)"),
                addressFamily()));
    }

    /** {@code addressFamily}: the IP version of both legs' connections. */
    private static SettingDescriptor addressFamily() {
        return options(ADDRESS_FAMILY.describe(), Map.of(AddressFamily.ANY, "Any (the resolver's order)",
                AddressFamily.IPV4, "IPv4 only", AddressFamily.IPV6, "IPv6 only"))
                .section("smtp").label("Address family")
                .help("IP version of every connection of the run, both legs: any takes the resolver's first"
                        + " address; ipv4 or ipv6 only addresses of that version.")
                .defaultValue(AddressFamily.ANY.key()).role(SettingRole.ADDRESS_FAMILY).build();
    }

    /**
     * A leg's port, defaulting to the implicit-TLS port for {@code enforceTls}/{@code tlsIfAvailable}.
     *
     * @param security the leg's security key, which the default depends on
     */
    public static SettingDescriptor port(SettingKey<Integer> key, String section, String label, String help,
                                         SettingKey<TlsMode> security, String implicitTlsPort, String plainPort) {
        return portBuilder(key, section, label, help, security, implicitTlsPort, plainPort).build();
    }

    private static SettingDescriptor.Builder portBuilder(SettingKey<Integer> key, String section, String label,
                                                         String help, SettingKey<TlsMode> security,
                                                         String implicitTlsPort, String plainPort) {
        return key.describe().section(section).label(label).help(help).range(1, 65535)
                .defaultValue(new DefaultValue.DependsOn(security.name(), implicitTls(implicitTlsPort), plainPort));
    }

    /** A leg's timeout of any one wait ({@code protocol} as users know it: "SMTP", "POP3"). */
    public static SettingDescriptor timeout(SettingKey<Duration> key, String section, String label, String protocol) {
        return key.describe().section(section).label(label)
                .help("Longest wait for any one " + protocol + " connect, TLS handshake or reply.")
                .defaultValue("60").range(1, 900).unit("s").build();
    }

    /**
     * A leg's transport-security setting with the five {@link TlsMode}s, default {@code enforceTls}.
     *
     * @param upgrade the leg's upgrade command as help names it ("STLS (RFC 2595)")
     */
    public static SettingDescriptor security(SettingKey<TlsMode> key, String section, String label, String upgrade) {
        return options(key.describe(), Map.of(
                        TlsMode.START_TLS_IF_AVAILABLE, "Use STARTTLS if the server offers it",
                        TlsMode.TLS_IF_AVAILABLE, "Use implicit TLS if the server speaks it",
                        TlsMode.ENFORCE_START_TLS, "Enforce STARTTLS", TlsMode.ENFORCE_TLS, "Enforce implicit TLS",
                        TlsMode.NONE, "No transport security")).section(section).label(label)
                .help("startTlsIfAvailable/tlsIfAvailable fall back to plain only when the server offers no TLS;"
                        + " enforce modes fail and send nothing in clear. Upgrade command: " + upgrade + ".")
                .defaultValue(TlsMode.ENFORCE_TLS.key()).build();
    }

    /** {@code maxTripTime}, in the mailbox leg's section. */
    public static SettingDescriptor maxTripTime(String section) {
        return MAX_TRIP_TIME.describe().section(section).label("Maximum trip time")
                .help("How long after the SMTP acceptance the probe may take to arrive before the sensor is DOWN.")
                .defaultValue("300").atLeast(1).unit("s").build();
    }

    /** Section {@code tls}: trust store and host-name checking. */
    public static SettingSection tls() {
        return new SettingSection("tls", "Certificates", List.of(
                TRUST_STORE.describe().section("tls").label("Trust store")
                        .help("PKCS12 or JKS file of trusted CA certificates; empty means the JVM's default trust"
                                + " store.")
                        .build(),
                TRUST_STORE_PASSWORD.describe().section("tls")
                        .label("Trust store password").help("Password of the trust store, if it has one.").build(),
                VERIFY_HOSTNAME.describe().section("tls")
                        .label("Verify host name")
                        .help("Check that the server certificate names the host connected to. Turn off only for tests.")
                        .defaultValue("true").build()));
    }

    /** Section {@code debug}: storing the last result. */
    public static SettingSection debug() {
        SettingDescriptor.Builder handling = options(RESULT_HANDLING.describe(), Map.of(
                ResultHandling.DISCARD, "Discard result", ResultHandling.STORE, "Store result"))
                .section("debug").label("Result handling")
                .help("store writes the last result (text and data, no secrets) into the result directory.");
        return new SettingSection("debug", "Debug options", List.of(
                handling.defaultValue(ResultHandling.DISCARD.key()).build(),
                RESULT_DIRECTORY.describe().section("debug")
                        .label("Result directory").help("Folder for the stored result; created when missing.")
                        .defaultValue("results").visibleWhen(RESULT_HANDLING.name(), "store").build()));
    }

    /**
     * Section {@code display}: how hosts chart the channels.
     *
     * @param channels channel name to label, in option order; the first is the default primary channel
     */
    public static SettingSection display(List<EnumOption> channels) {
        SettingDescriptor.Builder primary = PRIMARY_CHANNEL.describe().section("display")
                .label("Primary channel").help("Channel that leads summaries and plain thresholds.");
        channels.forEach(channel -> primary.option(channel.value(), channel.label()));
        return new SettingSection("display", "Channel display", List.of(
                primary.defaultValue(channels.get(0).value()).role(SettingRole.PRIMARY_CHANNEL).build(),
                GRAPH_TYPE.describe().section("display").label("Graph type")
                        .help("Show channels as separate graphs or stacked on top of each other.")
                        .option("independent", "Show channels independently")
                        .option("stacked", "Stack channels on top of each other").defaultValue("independent")
                        .role(SettingRole.GRAPH_TYPE).build(),
                STACK_UNIT.describe().section("display").label("Stack unit")
                        .help("Unit of the stacked graph.").option("ms", "Milliseconds").option("s", "Seconds")
                        .defaultValue("ms").visibleWhen(GRAPH_TYPE.name(), "stacked").role(SettingRole.STACK_UNIT)
                        .build()));
    }

    /** The port default per implicit-TLS mode, in a fixed order so rendered defaults never change. */
    private static Map<String, String> implicitTls(String port) {
        Map<String, String> byMode = new LinkedHashMap<>();
        byMode.put(TlsMode.ENFORCE_TLS.key(), port);
        byMode.put(TlsMode.TLS_IF_AVAILABLE.key(), port);
        return byMode;
    }

    /** The default heloIdent: this host's canonical name when it is plain ASCII, else {@code localhost}. */
    public static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName();
            return name.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? name : "localhost";
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
