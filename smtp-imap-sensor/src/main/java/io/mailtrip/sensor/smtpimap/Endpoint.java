package io.mailtrip.sensor.smtpimap;

import java.time.Duration;

/**
 * One server leg as configured.
 *
 * @param host    host name or IP literal, as given (used for TLS host-name checks and SNI)
 * @param port    TCP port
 * @param timeout bound of every single wait on this leg
 * @param tls     transport-security mode
 */
record Endpoint(String host, int port, Duration timeout, TlsMode tls) {

    /** {@code host:port}, with brackets for IPv6. */
    String address() {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The host as sockets want it: IPv6 literals without brackets. */
    String connectHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
