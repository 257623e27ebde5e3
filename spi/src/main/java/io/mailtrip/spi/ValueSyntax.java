package io.mailtrip.spi;

import java.util.regex.Pattern;

/**
 * Syntax checks for addresses and host names, done without any DNS lookup so that validation is
 * fast and the same on every machine.
 */
final class ValueSyntax {

    // RFC 5322 dot-atom local part, ASCII only (no SMTPUTF8: a monitor's probe address is plain).
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private ValueSyntax() {
    }

    /** One address {@code local@domain}: no display name, no list, no spaces; at most 254 characters. */
    static boolean isEmailAddress(String value) {
        int at = value.lastIndexOf('@');
        if (value.length() > 254 || at <= 0 || at == value.length() - 1 || at > 64) {
            return false;
        }
        String domain = value.substring(at + 1);
        boolean domainOk = domain.startsWith("[") && domain.endsWith("]")
                ? isIpLiteral(domain.substring(1, domain.length() - 1))
                : isHostName(domain);
        return LOCAL_PART.matcher(value.substring(0, at)).matches() && domainOk;
    }

    /** A DNS host name (RFC 1123 labels), an IPv4 address or an IPv6 address (with or without brackets). */
    static boolean isHost(String value) {
        if (value.startsWith("[") && value.endsWith("]")) {
            return isIpv6(value.substring(1, value.length() - 1));
        }
        return isIpv4(value) || isIpv6(value) || isHostName(value);
    }

    static boolean isHostName(String value) {
        if (value.isEmpty() || value.length() > 253 || IPV4_LIKE.matcher(value).matches()) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    // A name made only of digits and dots is a mistyped IPv4 address, not a host name.
    private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+");

    private static boolean isIpLiteral(String value) {
        return value.regionMatches(true, 0, "IPv6:", 0, 5) ? isIpv6(value.substring(5)) : isIpv4(value);
    }

    static boolean isIpv4(String value) {
        var m = IPV4.matcher(value);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String value) {
        if (!value.contains(":")) {
            return false;
        }
        String head = value;
        int groupsFromIpv4 = 0;
        int lastColon = value.lastIndexOf(':');
        if (value.indexOf('.') > lastColon) {
            if (!isIpv4(value.substring(lastColon + 1))) {
                return false;
            }
            head = value.substring(0, lastColon + 1) + "0";
            groupsFromIpv4 = 1;
        }
        int doubleColon = head.indexOf("::");
        if (doubleColon >= 0 && head.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        int groups = groupsFromIpv4;
        for (String part : head.replace("::", ":x:").split(":", -1)) {
            if (part.equals("x") || (part.isEmpty() && doubleColon >= 0)) {
                continue;
            }
            if (!HEX_GROUP.matcher(part).matches()) {
                return false;
            }
            groups++;
        }
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }
}
