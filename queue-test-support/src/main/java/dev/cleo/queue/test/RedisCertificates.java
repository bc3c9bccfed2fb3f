/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority and a server certificate it signed, made with
 * {@code openssl} for one TLS {@code redis-server}. The server certificate names
 * {@code 127.0.0.1} and {@code localhost}, so clients that verify the host name (Lettuce
 * does by default) accept it. EC keys, because generating them takes milliseconds.
 *
 * @param caCertificate the CA certificate (PEM), what clients trust
 * @param certificate the server certificate (PEM)
 * @param key the server's private key (PEM, unencrypted)
 * @param socketFactory opens TLS sockets that trust only this CA
 */
record RedisCertificates(Path caCertificate, Path certificate, Path key, SSLSocketFactory socketFactory) {

	private static final long OPENSSL_TIMEOUT_SECONDS = 30;

	private static final List<String> EC_KEY = List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
			"-nodes");

	/**
	 * Generates the CA and the server certificate, valid for one day, into a directory.
	 * @param directory where the PEM files go
	 * @return the files and a socket factory trusting the CA
	 * @throws IllegalStateException when {@code openssl} fails or is missing
	 */
	static RedisCertificates generate(Path directory) {
		Path ca = directory.resolve("ca.crt");
		Path caKey = directory.resolve("ca.key");
		Path request = directory.resolve("redis.csr");
		Path certificate = directory.resolve("redis.crt");
		Path key = directory.resolve("redis.key");
		Path extensions = write(directory.resolve("redis.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
		openssl(directory, concat(List.of("req", "-x509", "-days", "1", "-subj", "/CN=Cleo test CA", "-keyout",
				caKey.toString(), "-out", ca.toString()), EC_KEY));
		openssl(directory,
				concat(List.of("req", "-subj", "/CN=localhost", "-keyout", key.toString(), "-out", request.toString()),
						EC_KEY));
		openssl(directory,
				List.of("x509", "-req", "-days", "1", "-in", request.toString(), "-CA", ca.toString(), "-CAkey",
						caKey.toString(), "-CAcreateserial", "-extfile", extensions.toString(), "-out",
						certificate.toString()));
		return new RedisCertificates(ca, certificate, key, trusting(ca));
	}

	/**
	 * Builds a socket factory whose only trusted root is the given CA, so a connection
	 * that succeeds proves the server presented our certificate.
	 */
	private static SSLSocketFactory trusting(Path ca) {
		try (InputStream in = Files.newInputStream(ca)) {
			KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
			trusted.load(null, null);
			trusted.setCertificateEntry("cleo-test-ca",
					CertificateFactory.getInstance("X.509").generateCertificate(in));
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context.getSocketFactory();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Could not load the test CA certificate " + ca, ex);
		}
	}

	private static void openssl(Path directory, List<String> arguments) {
		List<String> command = concat(List.of("openssl"), arguments);
		Path output = directory.resolve("openssl.out");
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(OPENSSL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("openssl did not finish within " + OPENSSL_TIMEOUT_SECONDS + " s: "
						+ String.join(" ", command));
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("openssl exited with " + process.exitValue() + ": "
						+ String.join(" ", command) + "\n" + Files.readString(output, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run openssl (Debian: apt-get install -y openssl)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while generating test certificates", ex);
		}
	}

	private static Path write(Path file, String content) {
		try {
			return Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}

}
