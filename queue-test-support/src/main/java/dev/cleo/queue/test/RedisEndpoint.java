package dev.cleo.queue.test;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocketFactory;

/**
 * Where a Redis server listens, with a one-shot RESP client. Each call opens its own
 * short connection: the test support sends a handful of administrative commands, and a
 * fresh socket never outlives a server restart.
 *
 * @param host the host name or address
 * @param port the TCP port
 * @param username the ACL user, or {@code null}
 * @param password the password, or {@code null}
 * @param database the database index to select
 * @param sslSocketFactory opens the TLS connections, or {@code null} for plain TCP
 */
record RedisEndpoint(String host, int port, String username, String password, int database,
		SSLSocketFactory sslSocketFactory) {

	private static final int CONNECT_TIMEOUT_MILLIS = 1000;

	private static final int READ_TIMEOUT_MILLIS = 10_000;

	private static final int PROBE_TIMEOUT_MILLIS = 1000;

	static RedisEndpoint loopback(int port) {
		return new RedisEndpoint("127.0.0.1", port, null, null, 0, null);
	}

	/**
	 * A loopback server that speaks TLS only, with a certificate the given factory
	 * trusts.
	 */
	static RedisEndpoint loopbackTls(int port, SSLSocketFactory sslSocketFactory) {
		return new RedisEndpoint("127.0.0.1", port, null, null, 0, sslSocketFactory);
	}

	/** Parses {@code redis[s]://[[user]:password@]host[:port][/database]}. */
	static RedisEndpoint parse(String url) {
		URI uri = URI.create(url);
		String userInfo = uri.getUserInfo();
		String username = null;
		String password = null;
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			username = (colon < 0) ? null : emptyToNull(userInfo.substring(0, colon));
			password = (colon < 0) ? userInfo : userInfo.substring(colon + 1);
		}
		String path = (uri.getPath() != null) ? uri.getPath().replace("/", "") : "";
		int database = path.isEmpty() ? 0 : Integer.parseInt(path);
		int port = (uri.getPort() != -1) ? uri.getPort() : 6379;
		SSLSocketFactory ssl = "rediss".equals(uri.getScheme()) ? (SSLSocketFactory) SSLSocketFactory.getDefault()
				: null;
		return new RedisEndpoint(uri.getHost(), port, username, password, database, ssl);
	}

	/**
	 * Returns whether connections use TLS.
	 * @return {@code true} for a TLS endpoint
	 */
	boolean ssl() {
		return this.sslSocketFactory != null;
	}

	/**
	 * Sends one command and returns the reply: a {@code String}, {@code Long},
	 * {@code List} or {@code null}.
	 * @param command the command and its arguments
	 * @return the reply
	 * @throws IOException if the server cannot be reached
	 * @throws RedisErrorReply if the server answers with an error
	 */
	Object call(String... command) throws IOException {
		try (Socket socket = connect(READ_TIMEOUT_MILLIS)) {
			return send(socket, command);
		}
	}

	/**
	 * Like {@link #call(String...)} with a short read timeout, for asking a port that may
	 * not hold Redis at all.
	 * @param command the command and its arguments
	 * @return the reply
	 * @throws IOException if the server cannot be reached or does not answer within a
	 * second
	 */
	Object probe(String... command) throws IOException {
		try (Socket socket = connect(PROBE_TIMEOUT_MILLIS)) {
			return send(socket, command);
		}
	}

	/**
	 * Returns whether the server answers {@code PING} with {@code PONG} (not, say,
	 * {@code -LOADING}).
	 * @return {@code true} when it is ready for commands
	 */
	boolean answersPing() {
		try {
			return "PONG".equals(probe("PING"));
		}
		catch (IOException | RedisErrorReply ex) {
			return false;
		}
	}

	/**
	 * Sends {@code SHUTDOWN <modifier>}, which succeeds when the server closes the
	 * connection without a reply.
	 * @param modifier {@code SAVE} or {@code NOSAVE}
	 * @throws IOException if the server cannot be reached
	 */
	void shutdown(String modifier) throws IOException {
		try (Socket socket = connect(READ_TIMEOUT_MILLIS)) {
			try {
				send(socket, "SHUTDOWN", modifier);
			}
			catch (EOFException | SocketException ex) {
				return; // The server closed the connection: it is shutting down.
			}
			throw new IllegalStateException(
					"Redis at " + this.host + ":" + this.port + " answered SHUTDOWN " + modifier + " but kept running");
		}
	}

	private Socket connect(int readTimeoutMillis) throws IOException {
		Socket socket = ssl() ? this.sslSocketFactory.createSocket() : new Socket();
		try {
			socket.connect(new InetSocketAddress(this.host, this.port), CONNECT_TIMEOUT_MILLIS);
			socket.setSoTimeout(readTimeoutMillis);
			if (this.password != null) {
				send(socket, (this.username != null) ? new String[] { "AUTH", this.username, this.password }
						: new String[] { "AUTH", this.password });
			}
			if (this.database != 0) {
				send(socket, "SELECT", Integer.toString(this.database));
			}
			return socket;
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	private Object send(Socket socket, String... command) throws IOException {
		OutputStream out = socket.getOutputStream();
		StringBuilder request = new StringBuilder("*").append(command.length).append("\r\n");
		for (String argument : command) {
			byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
			request.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
		}
		out.write(request.toString().getBytes(StandardCharsets.UTF_8));
		out.flush();
		return read(new BufferedInputStream(socket.getInputStream()));
	}

	private Object read(InputStream in) throws IOException {
		int type = in.read();
		String line = readLine(in);
		return switch (type) {
			case '+' -> line;
			case '-' -> throw new RedisErrorReply(line);
			case ':' -> Long.parseLong(line);
			case '$' -> readBulk(in, Integer.parseInt(line));
			case '*' -> readArray(in, Integer.parseInt(line));
			case -1 -> throw new EOFException("Redis at " + this.host + ":" + this.port + " closed the connection");
			default -> throw new IOException("Unexpected RESP type '" + (char) type + "' from " + this.host);
		};
	}

	private String readBulk(InputStream in, int length) throws IOException {
		if (length < 0) {
			return null;
		}
		String value = new String(in.readNBytes(length), StandardCharsets.UTF_8);
		readLine(in);
		return value;
	}

	private List<Object> readArray(InputStream in, int size) throws IOException {
		List<Object> items = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			items.add(read(in));
		}
		return items;
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != '\r'; c = in.read()) {
			if (c == -1) {
				return line.toString();
			}
			line.append((char) c);
		}
		in.read();
		return line.toString();
	}

	private static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/**
	 * An error reply ({@code -ERR ...}, {@code -LOADING ...}) from Redis.
	 */
	static final class RedisErrorReply extends RuntimeException {

		RedisErrorReply(String message) {
			super(message);
		}

	}

}
