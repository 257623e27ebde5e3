/**
 * Transport security of a leg: the five TLS modes, trust and host-name checking, the connector
 * (implicit TLS and the tlsIfAvailable fallback) and the one in-band upgrade for SMTP STARTTLS (RFC
 * 3207), POP3 STLS (RFC 2595) and IMAP STARTTLS (RFC 9051 section 6.2.1).
 *
 * <p>Part of mail-kit, the shared code of the mail sensors. <b>Not API for hosts</b>: hosts use only the
 * {@code io.mailtrip.spi} contract; sensors shade (and relocate) mail-kit into their plugin jars, so it can
 * change with the sensors that use it.
 */
package io.mailtrip.mailkit.tls;
