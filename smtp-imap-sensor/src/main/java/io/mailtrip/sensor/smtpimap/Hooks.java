package io.mailtrip.sensor.smtpimap;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.commons.net.imap.IMAPSClient;

/**
 * What an IMAP session needs from its run: trust set-up for TLS clients, the trace, and the run's
 * watchdog (which cuts the connection at the run deadline and says whether it did).
 */
record Hooks(Consumer<IMAPSClient> trust, Consumer<String> trace, Consumer<org.apache.commons.net.SocketClient> watch,
             BooleanSupplier cut) {
}
