/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.test;

import java.nio.file.Path;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} that speaks TLS only, for tests: a child process started
 * with {@code --tls-port} and {@code --port 0} (so there is no plain TCP port a client
 * could fall back to), and a certificate signed by a CA that {@code openssl} generates
 * into the process's temporary directory at start. Clients trust
 * {@link #caCertificate()}; they need no certificate of their own
 * ({@code tls-auth-clients no}). Always {@linkplain #close() close} it; a process left
 * open is ended when the JVM exits.
 */
public final class RedisTls implements AutoCloseable {

	private static final String HOW_TO = "install redis-server and openssl (Debian: apt-get install -y redis-server"
			+ " openssl) or set " + RedisServer.BINARY_ENV + " to a redis-server built with TLS";

	private final RedisProcess process;

	private final RedisCertificates certificates;

	private RedisTls(RedisProcess process, RedisCertificates certificates) {
		this.process = process;
		this.certificates = certificates;
	}

	/**
	 * Generates the certificates and starts the server on a free loopback port, returning
	 * once it answers {@code PING} over TLS.
	 * @return the running server
	 * @throws IllegalStateException when {@code redis-server} or {@code openssl} is
	 * missing or fails (with its output)
	 */
	public static RedisTls start() {
		Path server = RedisBackends.findBinary()
			.orElseThrow(() -> new IllegalStateException("No redis-server for a TLS Redis: " + HOW_TO));
		RedisDirectory directory = RedisDirectory.create();
		RedisCertificates certificates;
		try {
			certificates = RedisCertificates.generate(directory.path());
		}
		catch (RuntimeException ex) {
			directory.delete();
			throw ex;
		}
		// The process owns the directory from here on: it deletes it on close or failure.
		RedisProcess process = RedisProcess.start(server, directory, RedisBackends::freePort,
				RedisLaunch.tls(certificates));
		return new RedisTls(process, certificates);
	}

	/**
	 * Skips the calling test (a JUnit assumption) when {@code redis-server} or
	 * {@code openssl} is missing, saying how to get them.
	 */
	public static void assumeAvailable() {
		Assumptions.assumeTrue(
				RedisBackends.findBinary().isPresent() && RedisBackends.findOnPath("openssl").isPresent(),
				() -> "Redis TLS tests skipped: " + HOW_TO);
	}

	/**
	 * Returns the host the server listens on.
	 * @return the loopback address
	 */
	public String host() {
		return this.process.endpoint().host();
	}

	/**
	 * Returns the TLS port, the only one the server listens on.
	 * @return the TCP port
	 */
	public int port() {
		return this.process.endpoint().port();
	}

	/**
	 * Returns the URI clients connect to, such as {@code rediss://127.0.0.1:30001}.
	 * @return the URI
	 */
	public String uri() {
		return this.process.uri();
	}

	/**
	 * Returns the certificate of the CA that signed the server's certificate, in PEM: the
	 * one a client must trust.
	 * @return the file
	 */
	public Path caCertificate() {
		return this.certificates.caCertificate();
	}

	/**
	 * Creates a Lettuce client that trusts {@link #caCertificate()} and verifies the
	 * server's host name; the caller shuts it down.
	 * @return a new client for {@link #uri()}
	 */
	public RedisClient newClient() {
		RedisClient client = RedisClient.create(RedisURI.create(uri()));
		SslOptions ssl = SslOptions.builder().jdkSslProvider().trustManager(caCertificate().toFile()).build();
		client.setOptions(ClientOptions.builder().sslOptions(ssl).build());
		return client;
	}

	/**
	 * Ends the server ({@code SHUTDOWN NOSAVE}, else destroyed) and deletes its directory
	 * with the certificates. Never throws.
	 */
	@Override
	public void close() {
		this.process.close();
	}

	/**
	 * Returns the working directory, for tests of this class.
	 * @return the directory holding the logs and certificates
	 */
	Path directory() {
		return this.process.directory().path();
	}

	/**
	 * Returns whether the process is alive, for tests of this class.
	 * @return {@code true} while it runs
	 */
	boolean isRunning() {
		return this.process.isRunning();
	}

	@Override
	public String toString() {
		return "TLS " + this.process;
	}

}
