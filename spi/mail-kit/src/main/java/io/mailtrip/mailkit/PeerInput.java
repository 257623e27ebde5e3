package io.mailtrip.mailkit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Meters every byte a run reads from its servers against {@link PeerLimits}: per line, per reply of the
 * current step and per run. Streams are wrapped where bytes enter, under Commons Net's readers (the
 * plain socket, or the TLS socket's decrypted stream), so an endless line or reply fails at the limit
 * instead of growing a buffer. {@link Leg#step} starts the count of each reply. One per run; read by the
 * run's thread only (the watchdog closes sockets, it does not read).
 */
public final class PeerInput {

    private final PeerLimits limits;
    private PeerLimits.Reply kind = PeerLimits.Reply.COMMAND;
    private long runBytes;
    private long replyBytes;
    private long replyLines;
    private long lineBytes;

    public PeerInput(PeerLimits limits) {
        this.limits = limits;
    }

    /** A new reply of {@code kind} begins (the step sent its command): its counts start at zero. */
    public void expect(PeerLimits.Reply kind) {
        this.kind = kind;
        replyBytes = 0;
        replyLines = 0;
        lineBytes = 0;
    }

    /** {@code raw} with every byte counted against the limits. */
    public MeteredStream meter(InputStream raw) {
        return new MeteredStream(raw);
    }

    private void count(byte[] bytes, int offset, int length) throws PeerLimitException {
        runBytes += length;
        replyBytes += length;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                replyLines++;
                lineBytes = 0;
            } else if (++lineBytes > limits.maxLineBytes()) {
                throw new PeerLimitException("reply line exceeds " + limits.maxLineBytes() + " bytes");
            }
        }
        check();
    }

    private void check() throws PeerLimitException {
        switch (kind) {
            case COMMAND -> {
                if (replyLines > limits.maxReplyLines()) {
                    throw new PeerLimitException("reply exceeds " + limits.maxReplyLines() + " lines");
                }
                if (replyBytes > limits.maxReplyBytes()) {
                    throw new PeerLimitException("reply exceeds " + limits.maxReplyBytes() + " bytes");
                }
            }
            case HEADER -> {
                if (replyLines > limits.maxHeaderLines()) {
                    throw new PeerLimitException("header exceeds " + limits.maxHeaderLines() + " lines");
                }
                if (replyBytes > limits.maxHeaderBytes()) {
                    throw new PeerLimitException("header exceeds " + limits.maxHeaderBytes() + " bytes");
                }
            }
            case LISTING -> {
                // The status line and the terminating dot are not entries.
                if (replyLines > limits.maxListingEntries() + 2L
                        || replyBytes > (long) limits.maxListingEntries() * limits.maxListingEntryBytes()) {
                    throw new PeerLimitException("listing exceeds " + limits.maxListingEntries() + " entries");
                }
            }
        }
        if (runBytes > limits.maxRunBytes()) {
            throw new PeerLimitException("run received more than " + limits.maxRunBytes() + " bytes");
        }
    }

    /** Counts what passes, failing at the first byte beyond a limit. */
    public final class MeteredStream extends FilterInputStream {

        private final byte[] one = new byte[1];
        private volatile boolean bypassed;

        MeteredStream(InputStream in) {
            super(in);
        }

        /**
         * Stops counting: TLS now runs over this stream, and its decrypted stream is metered instead (TLS
         * records are no lines).
         */
        public void bypass() {
            bypassed = true;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && !bypassed) {
                one[0] = (byte) b;
                count(one, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && !bypassed) {
                count(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes are still read from the peer: count them.
            byte[] sink = new byte[(int) Math.min(n, 8192)];
            int read = read(sink, 0, sink.length);
            return Math.max(read, 0);
        }
    }
}
