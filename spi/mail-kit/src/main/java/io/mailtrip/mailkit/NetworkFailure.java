package io.mailtrip.mailkit;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.net.MalformedServerReplyException;

/** Turns an I/O failure on a leg into the one-line reason an operator can act on (the network-failure wording). */
public final class NetworkFailure {

    private NetworkFailure() {
    }

    /**
     * The failure of {@code leg}'s current step. When the watchdog fired, or the socket timeout that
     * expired was the rest of the run, the cause is the run deadline, not the server: the exception is
     * then only the echo of the watchdog closing the socket (which Commons Net may report as any I/O
     * error, or, having dropped its reader, as a NullPointerException) or of the capped timeout.
     */
    public static PhaseFailure of(Leg leg, IOException e) {
        if (leg.deadlineCut(e)) {
            return leg.deadlineReached();
        }
        return new PhaseFailure(leg.phase(), leg.where() + reason(e, leg.endpoint()));
    }

    public static String reason(IOException e, Endpoint endpoint) {
        if (e instanceof PeerLimitException) {
            return e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return endpoint.family() == AddressFamily.ANY ? "cannot resolve host " + endpoint.host()
                    : "cannot resolve host " + endpoint.host() + " to an " + (endpoint.family() == AddressFamily.IPV4
                    ? "IPv4" : "IPv6") + " address (addressFamily=" + endpoint.family().key() + ")";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "connection failed (" + OneLine.of(e.getMessage(), 80) + ")";
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within " + endpoint.timeout().toSeconds() + " s (timeout)";
        }
        if (e instanceof MalformedServerReplyException) {
            return "malformed server reply (" + OneLine.of(e.getMessage(), 80) + ")";
        }
        if (e instanceof SSLException) {
            return tls(e, endpoint);
        }
        if (e instanceof java.io.EOFException || String.valueOf(e.getMessage()).contains("closed")) {
            return "server closed the connection (" + OneLine.of(e.getMessage(), 80) + ")";
        }
        return e.getClass().getSimpleName() + " (" + OneLine.of(e.getMessage(), 100) + ")";
    }

    private static String tls(IOException e, Endpoint endpoint) {
        if (peerSpeaksNoTls(e)) {
            return "server does not speak TLS on this port";
        }
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = e; t != null && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        // Most specific first: an expired certificate also fails path validation.
        for (Throwable t : causes) {
            if (t instanceof CertificateExpiredException || isExpiry(t)) {
                return "TLS certificate expired (" + OneLine.of(t.getMessage(), 80) + ")";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "TLS certificate not yet valid";
            }
        }
        for (Throwable t : causes) {
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("No name matching") || message.startsWith("No subject alternative")) {
                return "TLS certificate does not match host " + endpoint.host()
                        + " (verifyHostname=true): " + OneLine.of(message, 80);
            }
        }
        for (Throwable t : causes) {
            if (t instanceof CertPathValidatorException || String.valueOf(t.getMessage()).contains("PKIX path")) {
                return "TLS certificate not trusted (no path to a trusted CA; set trustStore)";
            }
        }
        if (e instanceof SSLHandshakeException) {
            return "TLS handshake failed (" + OneLine.of(e.getMessage(), 100) + ")";
        }
        return "TLS failed (" + OneLine.of(e.getMessage(), 100) + ")";
    }

    private static boolean isExpiry(Throwable t) {
        return t instanceof CertPathValidatorException v && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED;
    }

    /** True when the peer answered a TLS ClientHello with plain text: it does not speak implicit TLS. */
    public static boolean peerSpeaksNoTls(IOException e) {
        return e instanceof SSLException && String.valueOf(e.getMessage()).contains("Unsupported or unrecognized SSL message");
    }
}
