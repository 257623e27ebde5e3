/**
 * The Jenkins plugin's logic that needs no Jenkins class, so that it is built and tested everywhere:
 * the instance and global defaults forms and help files rendered from the SPI metadata, form binding
 * and validation over inherited global defaults, the due schedule, result history, the status view and
 * its history charts. Internal to the mailtrip Jenkins plugin, not an API.
 */
package io.mailtrip.jenkins.core;
