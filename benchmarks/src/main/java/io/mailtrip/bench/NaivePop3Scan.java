package io.mailtrip.bench;

import org.apache.commons.net.pop3.POP3Client;
import org.apache.commons.net.pop3.POP3MessageInfo;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;

/**
 * The scan we compare the sensor with: every poll logs in, lists the UIDs and reads the headers
 * ({@code TOP n 0}) of every message, remembering nothing between polls.
 *
 * @param port     the POP3 port on 127.0.0.1
 * @param user     the mailbox login
 * @param password its password
 */
record NaivePop3Scan(int port, String user, String password) {

    /** One poll; returns the number of headers read. */
    int poll() throws IOException {
        POP3Client client = new POP3Client();
        client.setDefaultTimeout((int) Duration.ofSeconds(30).toMillis());
        client.connect("127.0.0.1", port);
        try {
            client.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            client.setTcpNoDelay(true);
            if (!client.login(user, password)) {
                throw new IOException("naive scan: login refused: " + client.getReplyString().trim());
            }
            POP3MessageInfo[] listing = client.listUniqueIdentifiers();
            if (listing == null) {
                throw new IOException("naive scan: UIDL refused");
            }
            char[] sink = new char[8192];
            for (POP3MessageInfo info : listing) {
                try (Reader reader = client.retrieveMessageTop(info.number, 0)) {
                    while (reader.read(sink) >= 0) {
                        // headers are read and dropped: the cost is the transfer
                    }
                }
            }
            client.logout();
            return listing.length;
        } finally {
            client.disconnect();
        }
    }
}
