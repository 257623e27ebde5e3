package io.mailtrip.mailkit.testing.hostile;

import io.mailtrip.mailkit.testing.hostile.HostileServer.Script;

import java.util.Locale;

/**
 * Hostile SMTP peers (issue 13), each a {@link Script} for {@link HostileServer}. The sensor's SMTP leg
 * must end each of them within its deadline, in bounded memory, with a result naming phase and step.
 */
public final class HostileSmtp {

    /** Text with the controls a terminal acts on: C0, C1 (NEL U+0085, CSI U+009B) and U+2028/U+2029. */
    public static final String CONTROL_TEXT = "evil\u0085NEL\u009b2J\u2028LS\u2029PS\u001b[31mred";

    private HostileSmtp() {
    }

    /** The greeting is one line that never ends ({@code 220 AAAA...}). */
    public static Script endlessGreetingLine() {
        return c -> {
            c.sendRaw("220 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            c.sendForever("A");
        };
    }

    /** The greeting is a multi-line reply that never ends ({@code 220-hostile} forever). */
    public static Script endlessMultilineGreeting() {
        return c -> c.sendForever("220-hostile greeting line\r\n");
    }

    /** Greets, then answers EHLO with a multi-line reply that never ends. */
    public static Script endlessEhloReply() {
        return c -> {
            c.send("220 hostile.test ESMTP");
            c.read();
            c.sendForever("250-HOSTILE-EXTENSION\r\n");
        };
    }

    /** Greets, then answers EHLO with one line that never ends. */
    public static Script endlessEhloLine() {
        return c -> {
            c.send("220 hostile.test ESMTP");
            c.read();
            c.sendRaw("250-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            c.sendForever("B");
        };
    }

    /** Refuses the session with a greeting that carries {@link #CONTROL_TEXT}. */
    public static Script controlCharactersInGreeting() {
        return c -> {
            c.send("554 " + CONTROL_TEXT);
            String line;
            while ((line = c.read()) != null) {
                if (line.toUpperCase(Locale.ROOT).startsWith("QUIT")) {
                    c.send("221 " + CONTROL_TEXT);
                    return;
                }
                c.send("503 " + CONTROL_TEXT);
            }
        };
    }
}
