package io.mailtrip.mailkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;

/**
 * The commands and replies of a run, for the result's details (the {@code -v} trace), with every
 * credential removed. Commons Net's own {@code PrintCommandListener} hides USER/PASS only and prints
 * the base64 lines after AUTH, which carry the password; this trace hides PASS, APOP and everything
 * sent between an AUTH command and its final reply.
 */
public final class ProtocolTrace implements ProtocolCommandListener {

    public static final int MAX_LINES = 200;
    private static final int MAX_LINE = 160;

    private final List<String> lines = new ArrayList<>();
    private String leg = "";
    private boolean inAuthExchange;
    private int dropped;

    /** Prefix for the lines that follow ({@code smtp}, {@code pop3}). */
    public void leg(String name) {
        leg = name;
        inAuthExchange = false;
    }

    public void note(String line) {
        add("   " + line);
    }

    @Override
    public void protocolCommandSent(ProtocolCommandEvent event) {
        String command = event.getCommand() == null ? "" : event.getCommand().toUpperCase(Locale.ROOT);
        String shown;
        if (command.equals("AUTH")) {
            inAuthExchange = true;
            String[] words = event.getMessage().strip().split(" ");
            shown = words.length > 1 ? "AUTH " + words[1] : "AUTH";
        } else if (inAuthExchange) {
            shown = "******";
        } else if (command.equals("PASS")) {
            shown = "PASS ******";
        } else if (command.equals("APOP")) {
            String[] words = event.getMessage().strip().split(" ");
            shown = "APOP " + (words.length > 1 ? words[1] : "") + " ******";
        } else {
            shown = event.getMessage().strip();
        }
        add(leg + "> " + shown);
    }

    @Override
    public void protocolReplyReceived(ProtocolCommandEvent event) {
        // A 334 (SMTP) or "+ " (POP3) continuation keeps the AUTH exchange open; anything else ends it.
        String message = event.getMessage() == null ? "" : event.getMessage();
        boolean continuation = event.getReplyCode() == 334 || message.startsWith("+ ");
        if (!continuation) {
            inAuthExchange = false;
        }
        // Line by line, without a regular expression: every reply of every run passes here.
        int from = 0;
        while (from < message.length()) {
            int newline = message.indexOf('\n', from);
            int end = newline < 0 ? message.length() : newline;
            int next = end + 1;
            if (newline >= 0 && end > from && message.charAt(end - 1) == '\r') {
                end--;
            }
            if (end > from) {
                add(leg + "< " + message.substring(from, end));
            }
            from = next;
        }
    }

    private void add(String line) {
        if (lines.size() >= MAX_LINES) {
            dropped++;
            return;
        }
        lines.add(OneLine.of(line, MAX_LINE));
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>(lines);
        if (dropped > 0) {
            out.add("   (" + dropped + " more trace lines not kept)");
        }
        return out;
    }
}
