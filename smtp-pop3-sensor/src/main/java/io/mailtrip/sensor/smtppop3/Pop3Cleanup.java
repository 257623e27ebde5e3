package io.mailtrip.sensor.smtppop3;

import io.mailtrip.mailkit.Leg;
import io.mailtrip.mailkit.OneLine;
import io.mailtrip.mailkit.PhaseFailure;

import java.io.IOException;
import java.util.Map;

import org.apache.commons.net.pop3.POP3MessageInfo;
import org.apache.commons.net.pop3.POP3SClient;

/**
 * The cleanup phase of a poll: {@code DELE} of exactly the messages the poll identified, then {@code QUIT},
 * the UPDATE state in which marked messages are really removed (RFC 1939 section 6).
 *
 * <p>Message numbers are stable within a session (RFC 1939 section 5), but a server or proxy that breaks
 * this could slide a foreign message under the number the sensor identified. So before every
 * {@code DELE n} the sensor asks {@code UIDL n} and deletes only when the server still names the UID it
 * identified in this session; otherwise it ends the session without QUIT, which removes nothing at all.
 */
final class Pop3Cleanup {

    private Pop3Cleanup() {
    }

    /**
     * @param identified message number to the UID the poll identified as an own probe in this session
     */
    static void deleteAndQuit(Pop3Connection connection, Map<Integer, String> identified) throws PhaseFailure {
        Leg leg = connection.leg();
        POP3SClient client = connection.client();
        try {
            for (Map.Entry<Integer, String> message : identified.entrySet()) {
                int number = message.getKey();
                leg.step("UIDL " + number, client);
                POP3MessageInfo now = client.listUniqueIdentifier(number);
                if (now == null || !message.getValue().equals(now.identifier)) {
                    throw leg.fail("refusing DELE " + number + ": the server now names message " + number + " "
                            + (now == null ? "not at all" : "'" + OneLine.of(now.identifier, 70) + "'")
                            + " instead of the probe's UID '" + OneLine.of(message.getValue(), 70)
                            + "' (messages renumbered within the session); nothing deleted");
                }
                leg.step("DELE " + number, client);
                connection.expect(client.deleteMessage(number), "DELE refused");
            }
            quit(connection);
        } catch (IOException e) {
            throw leg.failure(e);
        }
    }

    /** QUIT: the UPDATE state, where marked messages are really removed (RFC 1939 section 6). */
    static void quit(Pop3Connection connection) throws PhaseFailure {
        try {
            connection.leg().step("QUIT", connection.client());
            connection.expect(connection.client().logout(), "QUIT refused; messages marked for deletion were kept");
        } catch (IOException e) {
            throw connection.leg().failure(e);
        }
    }
}
