/**
 * Starts a real {@code redis-server} for the tests of every Cleo module, with a JUnit
 * extension that shares one server per test class; not shipped to users.
 */
package dev.cleo.queue.test;
