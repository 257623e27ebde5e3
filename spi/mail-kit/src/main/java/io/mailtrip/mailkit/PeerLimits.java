package io.mailtrip.mailkit;

/**
 * How much a server may send, enforced where bytes enter ({@link PeerInput}, under Commons Net's readers),
 * so a hostile or broken server can neither exhaust memory nor hold a run past its limits. The defaults
 * are far above what real servers send (RFC 5321 section 4.5.3.1.5 caps an SMTP reply line at 512
 * octets, RFC 1939 a POP3 UID at 70 characters, RFC 5322 section 2.1.1 a header line at 998) and keep
 * memory per run in the low MiB, except while a listing near its limit is held (about 20 MB at 100,000
 * entries).
 *
 * @param maxLineBytes       longest line of any reply, header or listing
 * @param maxReplyLines      lines of one command reply (greeting, EHLO, CAPA ...)
 * @param maxReplyBytes      bytes of one command reply
 * @param maxHeaderBytes     bytes of one message header ({@code TOP n 0}, an IMAP header fetch)
 * @param maxHeaderLines     lines of one message header
 * @param maxListingEntries  entries of one listing ({@code UIDL}); a larger mailbox is reported clearly
 * @param maxListingEntryBytes bytes of one listing entry on average (number, space, UID of up to 70, CRLF)
 * @param maxRunBytes        bytes read from all servers in one run
 */
public record PeerLimits(int maxLineBytes, int maxReplyLines, long maxReplyBytes, long maxHeaderBytes,
                         int maxHeaderLines, int maxListingEntries, int maxListingEntryBytes, long maxRunBytes) {

    /** The defaults every sensor uses. */
    public static final PeerLimits DEFAULTS = new PeerLimits(64 * 1024, 1_000, 1L << 20, 1L << 20, 20_000,
            100_000, 80, 64L << 20);

    /** What one step of a leg reads, which decides the limits that apply to it. */
    public enum Reply {
        /** A command reply or greeting: maxReplyLines, maxReplyBytes. */
        COMMAND,
        /** A message header: maxHeaderLines, maxHeaderBytes. */
        HEADER,
        /** A listing: maxListingEntries, maxListingEntries x maxListingEntryBytes. */
        LISTING
    }
}
