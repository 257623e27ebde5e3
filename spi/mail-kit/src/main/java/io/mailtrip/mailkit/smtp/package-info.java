/**
 * The SMTP submission leg (RFC 5321) with SMTP AUTH (RFC 4954), reused by every round-trip sensor.
 *
 * <p>Part of mail-kit, the shared code of the mail sensors. <b>Not API for hosts</b>: hosts use only the
 * {@code io.mailtrip.spi} contract; sensors shade (and relocate) mail-kit into their plugin jars, so it can
 * change with the sensors that use it.
 */
package io.mailtrip.mailkit.smtp;
