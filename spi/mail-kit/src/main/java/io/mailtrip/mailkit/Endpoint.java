package io.mailtrip.mailkit;

import io.mailtrip.mailkit.tls.TlsMode;

import java.time.Duration;

/**
 * One server leg as configured.
 *
 * @param host    host name or IP literal, as given (used for TLS host-name checks and SNI)
 * @param port    TCP port
 * @param timeout bound of every single wait on this leg
 * @param tls     transport-security mode
 * @param family  the IP version it connects with
 */
public record Endpoint(String host, int port, Duration timeout, TlsMode tls, AddressFamily family) {

    /** An endpoint that connects to the resolver's first address. */
    public Endpoint(String host, int port, Duration timeout, TlsMode tls) {
        this(host, port, timeout, tls, AddressFamily.ANY);
    }

    /** {@code host:port}, with brackets for IPv6. */
    public String address() {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The host as sockets want it: IPv6 literals without brackets. */
    public String connectHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
