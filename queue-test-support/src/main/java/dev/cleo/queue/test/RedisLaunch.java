/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes one spawned {@code redis-server} differ from a plain one: a configuration
 * file to read first, TLS-only listening, and more command-line arguments.
 *
 * @param configFile passed as the first argument (the only place {@code redis-server}
 * takes one; Sentinel refuses to start without a file it can rewrite), or {@code null}
 * @param tls the certificates to listen with TLS only, or {@code null} for plain TCP
 * @param arguments appended to the command line; relative file names resolve in the
 * process's own directory
 */
record RedisLaunch(Path configFile, RedisCertificates tls, List<String> arguments) {

	RedisLaunch {
		arguments = List.copyOf(arguments);
	}

	/**
	 * A plain TCP server with more arguments.
	 * @param arguments appended to the command line
	 * @return the launch
	 */
	static RedisLaunch plain(List<String> arguments) {
		return new RedisLaunch(null, null, arguments);
	}

	/**
	 * A Sentinel ({@code redis-server <file> --sentinel}) reading and rewriting a file.
	 * @param configFile its configuration, with the {@code sentinel monitor} line
	 * @return the launch
	 */
	static RedisLaunch sentinel(Path configFile) {
		return new RedisLaunch(configFile, null, List.of("--sentinel"));
	}

	/**
	 * A server that accepts TLS connections only, without asking clients for a
	 * certificate.
	 * @param certificates the server certificate, its key and the CA that signed it
	 * @return the launch
	 */
	static RedisLaunch tls(RedisCertificates certificates) {
		return new RedisLaunch(null, certificates, List.of());
	}

	/**
	 * Returns the arguments that make the server listen on a port: {@code --port}, or for
	 * TLS {@code --tls-port} with {@code --port 0}, which opens no plain TCP port at all.
	 * @param port the port
	 * @return the arguments
	 */
	List<String> listenArguments(int port) {
		if (this.tls == null) {
			return List.of("--port", Integer.toString(port));
		}
		return List.of("--port", "0", "--tls-port", Integer.toString(port), "--tls-cert-file",
				this.tls.certificate().toString(), "--tls-key-file", this.tls.key().toString(), "--tls-ca-cert-file",
				this.tls.caCertificate().toString(), "--tls-auth-clients", "no");
	}

	/**
	 * Returns how the test support reaches the server on a port.
	 * @param port the port
	 * @return a plain or TLS loopback endpoint
	 */
	RedisEndpoint endpoint(int port) {
		return (this.tls != null) ? RedisEndpoint.loopbackTls(port, this.tls.socketFactory())
				: RedisEndpoint.loopback(port);
	}

	/**
	 * Returns the start of the command line: the executable, then the configuration file
	 * if there is one.
	 * @param binary the {@code redis-server} executable
	 * @return a mutable list to append to
	 */
	List<String> head(Path binary) {
		List<String> head = new ArrayList<>(List.of(binary.toString()));
		if (this.configFile != null) {
			head.add(this.configFile.toString());
		}
		return head;
	}

}
