/**
 * The Jenkins plugin's logic that needs no Jenkins class, so that it is built and tested everywhere:
 * the form and help files rendered from the SPI metadata, form binding and validation, the due
 * schedule, result history and the status view. Internal to the mailtrip Jenkins plugin, not an API.
 */
package io.mailtrip.jenkins.core;
