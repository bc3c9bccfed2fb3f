/**
 * Starts a real {@code redis-server} for the tests of every Cleo module, with a JUnit
 * extension that shares one server per test class, and real Cluster, Sentinel and
 * TLS-only setups for the tests of those connection modes; not shipped to users.
 */
package dev.cleo.queue.test;
