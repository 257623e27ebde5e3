/**
 * The probe mail and its stamp (GUID in the subject and the X-Mailtrip-Probe header), header parsing,
 * the sensor key, and the rule which own probes a mailbox leg may delete.
 *
 * <p>Part of mail-kit, the shared code of the mail sensors. <b>Not API for hosts</b>: hosts use only the
 * {@code io.mailtrip.spi} contract; sensors shade (and relocate) mail-kit into their plugin jars, so it can
 * change with the sensors that use it.
 */
package io.mailtrip.mailkit.probe;
