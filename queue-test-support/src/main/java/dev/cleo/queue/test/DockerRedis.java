package dev.cleo.queue.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code redis:7-alpine} container started with Testcontainers, the last resort when no
 * {@code redis-server} binary is installed. Testcontainers is an optional dependency:
 * {@link RedisServer} loads this class only after checking that Testcontainers is on the
 * classpath.
 */
final class DockerRedis implements RedisBackend {

	private static final DockerImageName IMAGE = DockerImageName.parse("redis:7-alpine");

	private static final int REDIS_PORT = 6379;

	private final GenericContainer<?> container;

	private final RedisEndpoint endpoint;

	private DockerRedis(GenericContainer<?> container) {
		this.container = container;
		this.endpoint = new RedisEndpoint(container.getHost(), container.getMappedPort(REDIS_PORT), null, null, 0,
				null);
	}

	/**
	 * Returns whether Testcontainers finds a Docker engine (it answers within half a
	 * second when there is none).
	 * @return {@code true} when a container can be started
	 */
	static boolean isDockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	/**
	 * Starts a container and waits until Redis listens.
	 * @return the backend
	 */
	@SuppressWarnings("resource")
	static DockerRedis start() {
		GenericContainer<?> container = new GenericContainer<>(IMAGE).withExposedPorts(REDIS_PORT)
			.withCommand("redis-server", "--save", "", "--appendonly", "no");
		container.start();
		return new DockerRedis(container);
	}

	@Override
	public RedisEndpoint endpoint() {
		return this.endpoint;
	}

	@Override
	public String uri() {
		return "redis://" + this.endpoint.host() + ":" + this.endpoint.port();
	}

	@Override
	public boolean isRunning() {
		return this.container.isRunning() && this.endpoint.answersPing();
	}

	@Override
	public void close() {
		this.container.stop();
	}

	@Override
	public String toString() {
		return "a Testcontainers " + IMAGE + " container";
	}

}
