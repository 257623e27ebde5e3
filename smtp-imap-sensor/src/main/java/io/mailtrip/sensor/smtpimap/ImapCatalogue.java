package io.mailtrip.sensor.smtpimap;

import io.mailtrip.spi.DefaultValue;
import io.mailtrip.spi.SettingDescriptor;
import io.mailtrip.spi.SettingRules;
import io.mailtrip.spi.SettingSection;
import io.mailtrip.spi.SettingType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings and channels of the SMTP → IMAP round-trip sensor: the one place they are declared.
 * Keys are public interface (CLI options, YAML keys, form fields are derived from them).
 */
public final class ImapCatalogue {

    public static final String SENSOR_ID = "smtp-imap-roundtrip";

    /** Folder names go into IMAP as quoted strings; non-ASCII would need modified UTF-7 (RFC 9051 section 5.1.3). */
    static final int MAX_FOLDER = 200;

    private ImapCatalogue() {
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
                                + " when it announces LOGINDISABLED); none connects and reads the greeting only.")
                        .option("password", "Username and password").option("none", "None (connect only)")
                        .defaultValue("password").build(),
                SettingDescriptor.builder("imapUser", SettingType.STRING).section("imap").label("IMAP user")
                        .help("User name of the dedicated mailbox.").required().visibleWhen("imapAuth", "password")
                        .build(),
                SettingDescriptor.builder("imapPassword", SettingType.SECRET).section("imap").label("IMAP password")
                        .help("Password of the dedicated mailbox; never printed or stored.").required()
                        .visibleWhen("imapAuth", "password").build(),
                SettingDescriptor.builder("imapFolder", SettingType.STRING).section("imap").label("IMAP folder")
                        .help("Folder the probes arrive in.").defaultValue("INBOX").rule(SettingRules.asciiOnly())
                        .rule(SettingRules.maxLength(MAX_FOLDER)).visibleWhen("imapAuth", "password").build(),
                SettingDescriptor.builder("imapWait", SettingType.ENUM).section("imap").label("Waiting")
                        .help("idle waits with IDLE (RFC 2177) and searches as soon as the server announces new mail,"
                                + " polling when IDLE is not offered; poll searches after pauses that double from 50 ms"
                                + " up to the poll interval.")
                        .option("idle", "IDLE (push)").option("poll", "Poll").defaultValue("idle")
                        .visibleWhen("imapAuth", "password").build(),
                SettingDescriptor.builder("imapInterval", SettingType.INTEGER).section("imap").label("Poll interval")
                        .help("Longest pause between two searches while polling.").defaultValue("10").atLeast(1)
                        .unit("s").visibleWhen("imapAuth", "password").build(),
                SettingDescriptor.builder("imapMoveFolder", SettingType.STRING).section("imap")
                        .label("Folder for found probes")
                        .help("Only for servers without UIDPLUS: found probes are moved there with MOVE (RFC 6851)."
                                + " Empty leaves them flagged \\Deleted; a plain EXPUNGE is never sent.")
                        .rule(SettingRules.asciiOnly()).rule(SettingRules.maxLength(MAX_FOLDER))
                        .visibleWhen("imapAuth", "password").build(),
                SettingDescriptor.builder("maxTripTime", SettingType.INTEGER).section("imap").label("Maximum trip time")
                        .help("How long after the SMTP acceptance the probe may take to arrive before the sensor is DOWN.")
                        .defaultValue("300").atLeast(1).unit("s").build(),
                tlsMode()));
    }

    private static SettingDescriptor tlsMode() {
        SettingDescriptor.Builder builder = SettingDescriptor.builder("imapSecurity", SettingType.ENUM).section("imap")
                .label("IMAP transport security")
                .help("startTlsIfAvailable/tlsIfAvailable fall back to plain only when the server offers no TLS;"
                        + " enforce modes fail and send nothing in clear. Upgrade command: STARTTLS (RFC 9051).")
                .defaultValue(TlsMode.ENFORCE_TLS.key());
        for (TlsMode mode : TlsMode.values()) {
            builder.option(mode.key(), mode.label());
        }
        return builder.build();
    }

    private static Map<String, String> implicitTls(String port) {
        Map<String, String> byMode = new LinkedHashMap<>();
        byMode.put(TlsMode.ENFORCE_TLS.key(), port);
        byMode.put(TlsMode.TLS_IF_AVAILABLE.key(), port);
        return byMode;
    }
}
