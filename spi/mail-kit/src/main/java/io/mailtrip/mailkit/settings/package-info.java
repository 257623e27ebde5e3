/**
 * The settings every mail sensor shares, declared once as typed keys and descriptors.
 *
 * <p>Part of mail-kit, the shared code of the mail sensors. <b>Not API for hosts</b>: hosts use only the
 * {@code io.mailtrip.spi} contract; sensors shade (and relocate) mail-kit into their plugin jars, so it can
 * change with the sensors that use it.
 */
package io.mailtrip.mailkit.settings;
