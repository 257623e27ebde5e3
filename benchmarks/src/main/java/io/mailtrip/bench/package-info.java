/**
 * Hand-run benchmarks of issue 8 (runner scale, POP3 polling cost, timing accuracy). Not API, not
 * tests: each class with a {@code main} prints its figures; BENCHMARKS.md says how to run them.
 */
package io.mailtrip.bench;
