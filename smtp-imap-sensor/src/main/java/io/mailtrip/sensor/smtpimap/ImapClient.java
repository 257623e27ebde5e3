package io.mailtrip.sensor.smtpimap;

import javax.net.ssl.SSLContext;
import java.io.BufferedInputStream;

import org.apache.commons.net.imap.IMAPSClient;

/**
 * Commons Net's IMAPS client for what it does well (connect, implicit TLS, {@code STARTTLS} with
 * certificate and host-name checks, the greeting), opened up so that {@link ImapWire} reads every
 * later response from the same streams, with limits, and its lines reach the same trace listeners. The
 * streams are the mail kit's metered ones (plain sockets from its connector, TLS from its context), so the
 * run's peer limits hold under the wire's own IMAP limits as well.
 */
final class ImapClient extends IMAPSClient {

    /** @param context the mail kit's metered TLS context ({@code TlsTrust.context}), so TLS input is bounded too */
    ImapClient(boolean implicit, SSLContext context) {
        super(implicit, context);
    }

    /**
     * A wire on the current streams: call again after {@code execTLS()}, which replaces them. Nothing is
     * lost between the two readers: an IMAP server sends nothing after a completed response until the
     * client's next command (RFC 9051 section 2.2.2).
     */
    ImapWire wire() {
        return new ImapWire(new BufferedInputStream(_input_, 8192), _output_);
    }

    /** Tells the trace listeners of a command line; {@code shown} has its credentials already removed. */
    void traceSent(String shown) {
        getCommandSupport().fireCommandSent(shown.split(" ", 2)[0], shown);
    }

    /** Tells the trace listeners of a response line. */
    void traceReceived(String line) {
        getCommandSupport().fireReplyReceived(0, line);
    }
}
