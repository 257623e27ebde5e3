/**
 * The run infrastructure every mail sensor shares: legs and their failures (phase, endpoint, step),
 * the watchdog that enforces the run deadline, the protocol trace without credentials, one-line
 * cleaning of peer text, and the stored result.
 *
 * <p>Part of mail-kit, the shared code of the mail sensors. <b>Not API for hosts</b>: hosts use only the
 * {@code io.mailtrip.spi} contract; sensors shade (and relocate) mail-kit into their plugin jars, so it can
 * change with the sensors that use it.
 */
package io.mailtrip.mailkit;
