/**
 * The Nagios/Icinga/NRPE plugin {@code check_smtp_pop3_roundtrip}: a thin translator from the sensor SPI
 * to the Monitoring Plugins interface (options, exit code, one output line with perfdata). Every option
 * about the sensor is rendered from its settings metadata. Not an API: classes here may change at any time.
 */
package io.mailtrip.nagios;
