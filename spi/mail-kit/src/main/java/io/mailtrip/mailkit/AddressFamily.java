package io.mailtrip.mailkit;

import io.mailtrip.mailkit.settings.Choice;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which IP version a leg connects with ({@code addressFamily}): the resolver's first address, or only
 * IPv4 or IPv6 addresses, as the Monitoring Plugins' {@code -4}/{@code -6} force it.
 */
public enum AddressFamily implements Choice {
    ANY, IPV4, IPV6;

    /** Whether a connect may use {@code address}. */
    public boolean allows(InetAddress address) {
        return switch (this) {
            case ANY -> true;
            case IPV4 -> address instanceof Inet4Address;
            case IPV6 -> address instanceof Inet6Address;
        };
    }
}
