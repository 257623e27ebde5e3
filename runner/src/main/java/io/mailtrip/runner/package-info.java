/**
 * The generic runner: loads sensor plugins, reads the YAML configuration, schedules the sensor instances
 * and writes their results (console, JSON lines, Prometheus, JUnit XML, status page). An application,
 * not an API: nothing here is meant to be used by other modules, and it may change freely.
 */
package io.mailtrip.runner;
