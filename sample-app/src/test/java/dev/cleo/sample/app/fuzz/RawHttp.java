/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends a {@link FuzzRequest} over a socket of its own and reads the answer to its end,
 * timing both. A large body is written from a second thread while the answer is read, as
 * the server may answer (413, 401) and close before it has read the body.
 */
final class RawHttp {

	/** Longer than any answer may take, so a hung request shows as one. */
	private static final int READ_TIMEOUT_MILLIS = 10_000;

	private static final int WRITE_IN_BACKGROUND = 256 * 1024;

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/**
	 * Send and read.
	 * @param request the request
	 * @return the status (0 when the server closed without a status line) and the time
	 * @throws IOException when the exchange failed before any answer
	 */
	Answer send(FuzzRequest request) throws IOException {
		byte[] bytes = request.toBytes();
		long started = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), READ_TIMEOUT_MILLIS);
			socket.setSoTimeout(READ_TIMEOUT_MILLIS);
			Thread writer = write(socket.getOutputStream(), bytes);
			int status = readStatus(socket.getInputStream());
			if (writer != null) {
				writer.interrupt();
			}
			return new Answer(status, (System.nanoTime() - started) / 1_000_000);
		}
		catch (SocketTimeoutException ex) {
			return new Answer(-1, (System.nanoTime() - started) / 1_000_000);
		}
	}

	private static Thread write(OutputStream out, byte[] bytes) throws IOException {
		if (bytes.length < WRITE_IN_BACKGROUND) {
			writeQuietly(out, bytes);
			return null;
		}
		Thread writer = new Thread(() -> writeQuietly(out, bytes), "fuzz-writer");
		writer.setDaemon(true);
		writer.start();
		return writer;
	}

	private static void writeQuietly(OutputStream out, byte[] bytes) {
		try {
			out.write(bytes);
			out.flush();
		}
		catch (IOException ex) {
			// The server answered and closed before reading it all: its answer counts.
		}
	}

	/**
	 * The status of the status line; the rest is read and dropped, to time the whole
	 * answer.
	 */
	private static int readStatus(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		try {
			while ((c = in.read()) != -1 && c != '\n') {
				line.append((char) c);
			}
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			if (line.length() < 12) {
				// Reset before any answer: the caller sees no status.
				return 0;
			}
		}
		String status = line.toString();
		if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
			return 0;
		}
		return Integer.parseInt(status.substring(9, 12));
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status; 0 without a status line, -1 when none came in time
	 * @param millis from connecting to the end of the answer
	 */
	record Answer(int status, long millis) {

	}

}
