package io.mailtrip.sensor.smtpimap;

import java.io.BufferedInputStream;

import org.apache.commons.net.imap.IMAPSClient;

/**
 * Commons Net's IMAPS client for what it does well (connect, implicit TLS, {@code STARTTLS} with
 * certificate and host-name checks, the greeting), opened up so that {@link ImapWire} reads every
 * later response from the same streams, with limits.
 */
final class ImapClient extends IMAPSClient {

    ImapClient(boolean implicit) {
        super("TLS", implicit);
    }

    /**
     * A wire on the current streams: call again after {@code execTLS()}, which replaces them. Nothing is
     * lost between the two readers: an IMAP server sends nothing after a completed response until the
     * client's next command (RFC 9051 section 2.2.2; IDLE is only entered on the wire).
     */
    ImapWire wire() {
        return new ImapWire(new BufferedInputStream(_input_, 8192), _output_);
    }
}
