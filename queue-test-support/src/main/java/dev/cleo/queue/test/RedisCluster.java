package dev.cleo.queue.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.cleo.queue.test.RedisEndpoint.RedisErrorReply;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis Cluster of three masters (no replicas) on loopback, for tests: three
 * {@code redis-server --cluster-enabled yes} child processes, each in its own temporary
 * directory, joined by {@code redis-cli --cluster create}. {@link #start()} returns once
 * every node reports {@code cluster_state:ok}. Always {@linkplain #close() close} the
 * cluster; nodes left open are ended when the JVM exits.
 */
public final class RedisCluster implements AutoCloseable {

	private static final int MASTERS = 3;

	private static final int BUS_PORT_OFFSET = 10_000;

	private static final int LOWEST_PORT = 20_000;

	private static final int HIGHEST_PORT = 55_000;

	private static final int PORT_ATTEMPTS = 200;

	private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	private static final long POLL_MILLIS = 50;

	private static final String HOW_TO = "install redis-server and redis-cli (Debian: apt-get install -y redis-server)"
			+ " or set " + RedisServer.BINARY_ENV + " to a redis-server with redis-cli next to it";

	private final List<RedisProcess> nodes;

	private RedisCluster(List<RedisProcess> nodes) {
		this.nodes = nodes;
	}

	/**
	 * Starts three cluster-enabled masters on free loopback ports (whose cluster bus
	 * ports, port + 10000, are free too), assigns all slots among them and waits until
	 * the cluster is up.
	 * @return the running cluster
	 * @throws IllegalStateException when {@code redis-server} or {@code redis-cli} is
	 * missing (with how to get them), or when the cluster does not come up
	 */
	public static RedisCluster start() {
		Path server = RedisBackends.findBinary()
			.orElseThrow(() -> new IllegalStateException("No redis-server for a Redis Cluster: " + HOW_TO));
		Path cli = findCli(server)
			.orElseThrow(() -> new IllegalStateException("No redis-cli for a Redis Cluster: " + HOW_TO));
		RedisCluster cluster = new RedisCluster(new ArrayList<>());
		try {
			cluster.launchNodes(server);
			cluster.create(cli);
			cluster.awaitReady();
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * Skips the calling test (a JUnit assumption) when {@code redis-server} or
	 * {@code redis-cli} is missing, saying how to get them.
	 */
	public static void assumeAvailable() {
		Optional<Path> server = RedisBackends.findBinary();
		Assumptions.assumeTrue(server.isPresent() && findCli(server.get()).isPresent(),
				() -> "Redis Cluster tests skipped: " + HOW_TO);
	}

	/**
	 * Returns the URIs of the three masters, such as {@code redis://127.0.0.1:30001}.
	 * @return one URI per node
	 */
	public List<String> nodeUris() {
		return this.nodes.stream().map(RedisProcess::uri).toList();
	}

	/**
	 * Returns the {@code host:port} of the three masters, as
	 * {@code spring.data.redis.cluster.nodes} takes them.
	 * @return one address per node
	 */
	public List<String> nodeAddresses() {
		return this.nodes.stream().map(RedisProcess::endpoint).map((node) -> node.host() + ":" + node.port()).toList();
	}

	/**
	 * Creates a Lettuce Cluster client seeded with every node; the caller shuts it down.
	 * @return a new client
	 */
	public RedisClusterClient newClient() {
		return RedisClusterClient.create(nodeUris().stream().map(RedisURI::create).toList());
	}

	/**
	 * Ends the three processes ({@code SHUTDOWN NOSAVE}, else destroyed) and deletes
	 * their directories. Never throws.
	 */
	@Override
	public void close() {
		for (RedisProcess node : this.nodes) {
			try {
				node.close();
			}
			catch (RuntimeException ex) {
				// Keep closing the others; the JVM exit hook retries.
			}
		}
	}

	/**
	 * Returns the working directories of the nodes, for tests of this class.
	 * @return one directory per node
	 */
	List<Path> directories() {
		return this.nodes.stream().map((node) -> node.directory().path()).toList();
	}

	/**
	 * Returns whether every node's process is alive, for tests of this class.
	 * @return {@code true} while all three run
	 */
	boolean isRunning() {
		return this.nodes.stream().allMatch(RedisProcess::isRunning);
	}

	@Override
	public String toString() {
		return "Redis Cluster " + nodeAddresses();
	}

	private void launchNodes(Path server) {
		List<String> clusterArguments = List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
				"--cluster-node-timeout", "5000");
		for (int i = 0; i < MASTERS; i++) {
			this.nodes.add(RedisProcess.start(server, RedisCluster::freePortWithFreeBusPort, clusterArguments));
		}
	}

	private void create(Path cli) {
		List<String> command = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
		command.addAll(nodeAddresses());
		command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
		Path output = this.nodes.get(0).directory().path().resolve("cluster-create.out");
		int exitCode = run(command, output);
		if (exitCode != 0) {
			throw new IllegalStateException(
					"redis-cli --cluster create exited with " + exitCode + ":\n" + read(output));
		}
	}

	private static int run(List<String> command, Path output) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(CREATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("redis-cli --cluster create did not finish within "
						+ CREATE_TIMEOUT.toSeconds() + " s:\n" + read(output));
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + command.get(0) + ": " + HOW_TO, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating the cluster", ex);
		}
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		for (RedisProcess node : this.nodes) {
			while (!isReady(node)) {
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException(node + " did not report cluster_state:ok within "
							+ READY_TIMEOUT.toSeconds() + " s; CLUSTER INFO:\n" + clusterInfo(node));
				}
				pause();
			}
		}
	}

	/**
	 * A node is ready when it sees all slots served by all three nodes.
	 */
	private static boolean isReady(RedisProcess node) {
		String info = clusterInfo(node);
		return info.contains("cluster_state:ok") && info.contains("cluster_slots_ok:16384")
				&& info.contains("cluster_known_nodes:" + MASTERS);
	}

	private static String clusterInfo(RedisProcess node) {
		try {
			return String.valueOf(node.endpoint().call("CLUSTER", "INFO"));
		}
		catch (IOException | RedisErrorReply ex) {
			return "";
		}
	}

	private static void pause() {
		try {
			Thread.sleep(POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the cluster", ex);
		}
	}

	/**
	 * Returns a loopback port that, with its cluster bus port, was free a moment ago.
	 */
	private static int freePortWithFreeBusPort() {
		for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, HIGHEST_PORT);
			if (isFree(port) && isFree(port + BUS_PORT_OFFSET)) {
				return port;
			}
		}
		throw new IllegalStateException("Found no free loopback port with a free cluster bus port (+" + BUS_PORT_OFFSET
				+ ") in " + PORT_ATTEMPTS + " tries");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Finds {@code redis-cli} next to {@code redis-server}, else on {@code PATH}.
	 */
	private static Optional<Path> findCli(Path server) {
		Path sibling = server.resolveSibling("redis-cli");
		if (Files.isExecutable(sibling)) {
			return Optional.of(sibling);
		}
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
		return Stream.of(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, "redis-cli"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
